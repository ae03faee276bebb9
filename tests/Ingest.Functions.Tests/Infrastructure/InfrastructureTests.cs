using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Ingest.Functions.Tests.Infrastructure;

/// <summary>infra/main.bicep compiles offline with the Bicep CLI from NuGet, without errors or warnings, to what azd deploys.</summary>
public sealed class InfrastructureTests
{
    private static readonly Lazy<(int ExitCode, string Template, string Diagnostics)> Build = new(BuildMainBicep);

    [Fact]
    public void MainBicep_Compiles_WithoutErrorsOrWarnings()
    {
        var (exitCode, _, diagnostics) = Build.Value;

        Assert.True(exitCode == 0, diagnostics);
        Assert.DoesNotContain("Warning", diagnostics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Error", diagnostics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MainBicep_DeploysAFlexConsumptionAppOnAManagedIdentityWithTheStorageRolesAndEventGrid()
    {
        using var template = JsonDocument.Parse(Build.Value.Template);
        var resources = template.RootElement.GetProperty("resources");
        var types = resources.EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToList();
        var text = Build.Value.Template;

        Assert.Contains("Microsoft.Web/sites", types);
        Assert.Contains("Microsoft.EventGrid/systemTopics", types);
        Assert.Contains("Microsoft.Insights/components", types);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", types);
        Assert.Contains("FlexConsumption", text, StringComparison.Ordinal);
        foreach (var role in (string[])["b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"])
        {
            Assert.Contains(role, text, StringComparison.Ordinal); // Storage Blob Data Owner, Queue and Table Data Contributor
        }

        Assert.Contains("AzureWebJobsStorage__accountName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
    }

    private static (int, string, string) BuildMainBicep()
    {
        var package = typeof(InfrastructureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        var bicep = Path.Combine(package, "tools", "bicep");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute); // a NuGet extraction may drop it
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Ingest.sln")))
        {
            root = root.Parent!;
        }

        var start = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["build", Path.Combine(root.FullName, "infra", "main.bicep"), "--stdout"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var template = process.StandardOutput.ReadToEndAsync();
        var diagnostics = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, template.Result, diagnostics);
    }
}
