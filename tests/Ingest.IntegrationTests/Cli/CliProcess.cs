using System.Diagnostics;
using Ingest.IntegrationTests.EndToEnd;

namespace Ingest.IntegrationTests.Cli;

/// <summary>What one run of <c>ingest</c> printed and exited with.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Output}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
}

/// <summary>
/// Runs the <c>ingest</c> CLI as a user does, in its own process (<c>dotnet ingest.dll …</c>), pointed at a running
/// host through the environment (<c>INGEST_URL</c>, <c>INGEST_KEY</c>, <c>AzureWebJobsStorage</c>, <c>INGEST_CONTAINER</c>).
/// </summary>
public static class CliProcess
{
    public static async Task<CliRun> RunAsync(RunningHost host, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ingest.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["INGEST_URL"] = host.Client.BaseAddress!.ToString();
        start.Environment["INGEST_KEY"] = RunningHost.ApiKey;
        start.Environment["AzureWebJobsStorage"] = host.ConnectionString;
        start.Environment["INGEST_CONTAINER"] = host.Options.ArticlesContainer;
        start.Environment["INGEST_PROFILES"] = Path.Combine(AppContext.BaseDirectory, "no-profiles.json");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start ingest.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }

    public static Task<CliRun> RunAsync(RunningHost host, params string[] args) => RunAsync(host, null, args);
}
