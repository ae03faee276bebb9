using System.ComponentModel.DataAnnotations;
using Ingest.Core.Composition;

namespace Ingest.Host;

/// <summary>
/// The settings only the standalone host has (the Functions host keeps its own host id, keys and timer schedule), read
/// from the same <c>Ingest</c> section as Core's (<c>Ingest__HostId</c>…) and validated at start-up.
/// </summary>
public sealed class StandaloneHostOptions
{
    /// <summary>
    /// The WebJobs host id: trigger receipts and locks are kept under it. Pinned, because the default hashes the assembly
    /// version and a new id re-processes every blob. Scale-out hosts share one id; unrelated hosts on one account need two.
    /// </summary>
    [Required, RegularExpression("^[a-z0-9](-?[a-z0-9]){0,31}$")]
    public string HostId { get; set; } = "ingest-standalone";

    /// <summary>The key write routes need (<c>x-functions-key</c> header or <c>code</c> query parameter), as <c>AuthorizationLevel.Function</c> does.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How often the sweep runs (the Functions app runs it on <c>Ingest:SweepSchedule</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the sweep's new-blob lane runs (<see cref="Core.Ingestion.IngestionSweeper.SweepNewBlobsAsync"/>): it
    /// lists the container and ingests what has had no record for <c>Ingest:UnrecordedAfter</c>, so a burst is not paced
    /// by the polling trigger's scan. One listing call per 500 blobs each time, up to <c>Ingest:SweepBlobsPerTick</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan NewBlobSweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    public static void AddTo(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<StandaloneHostOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
