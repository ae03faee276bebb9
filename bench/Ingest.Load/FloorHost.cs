using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Load;

/// <summary>
/// The burst's floor: the same WebJobs SDK blob trigger the standalone host runs (same packages, same defaults, its own
/// host id), with a function that only downloads the blob. Started by <c>burst --floor</c> as a process of its own
/// (<c>Ingest.Load floor-host</c>, storage in <c>AzureWebJobsStorage</c>); it reports each download on its standard
/// output as <see cref="Line"/>, which <see cref="BurstRun"/> reads, so the floor writes nothing to storage.
/// </summary>
internal static class FloorHost
{
    public const string ReadyLine = "floor-host ready";

    /// <summary>One completed download: the blob's name, its last-modified time and when the download ended (round-trip times).</summary>
    public static string Line(string name, DateTimeOffset lastModified, DateTimeOffset done) =>
        string.Create(CultureInfo.InvariantCulture, $"downloaded\t{name}\t{lastModified:O}\t{done:O}");

    /// <summary>Parses a <see cref="Line"/>; false for any other output.</summary>
    public static bool TryParse(string? line, out string name, out DateTimeOffset lastModified, out DateTimeOffset done)
    {
        lastModified = done = default;
        if (line?.Split('\t') is not ["downloaded", var blob, var modified, var ended])
        {
            name = "";
            return false;
        }

        name = blob;
        return DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out lastModified)
            && DateTimeOffset.TryParse(ended, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out done);
    }

    public static async Task<int> MainAsync()
    {
        using var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.UseHostId("ingest-load-floor");
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
            })
            // Only the floor's function: this assembly also sees the standalone host's triggers.
            .ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<ITypeLocator>(new FloorTypes())))
            .Build();
        await host.StartAsync();
        Console.WriteLine(ReadyLine);
        await host.WaitForShutdownAsync();
        return 0;
    }

    private sealed class FloorTypes : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [typeof(DownloadOnlyFunction)];
    }
}

/// <summary>The floor's function: download the blob, report it, nothing else.</summary>
public sealed class DownloadOnlyFunction
{
    [FunctionName("DownloadOnly")]
    public static async Task RunAsync([BlobTrigger(BurstRun.Container + "/{name}", Connection = "AzureWebJobsStorage")] BlobClient blob, string name, CancellationToken cancellationToken)
    {
        var download = await blob.DownloadContentAsync(cancellationToken);
        Console.WriteLine(FloorHost.Line(name, download.Value.Details.LastModified, DateTimeOffset.UtcNow));
    }
}
