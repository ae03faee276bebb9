using Ingest.Core.Composition;

namespace Ingest.Core.Ingestion;

/// <summary>The binding expressions both hosts' triggers use, in one place.</summary>
public static class TriggerBindings
{
    /// <summary>The setting that names the storage connection, as Functions reads it (<see cref="IngestOptions.StorageConnectionSetting"/>).</summary>
    public const string Connection = IngestOptions.StorageConnectionSetting;

    /// <summary>Every blob of the articles container, its name bound to <c>name</c>.</summary>
    public const string ArticleBlobs = "%" + IngestOptions.SectionName + ":ArticlesContainer%/{name}";

    /// <summary>Where the blob trigger puts the blobs it gave up on.</summary>
    public const string PoisonQueue = PoisonedBlobRecorder.QueueName;

    /// <summary>The Functions app's sweep schedule (CRON, with seconds).</summary>
    public const string SweepSchedule = "%" + IngestOptions.SectionName + ":SweepSchedule%";

    /// <summary>The Functions app's schedule for the sweep's new-blob lane (CRON, with seconds; <see cref="IngestionSweeper.SweepNewBlobsAsync"/>).</summary>
    public const string NewBlobSweepSchedule = "%" + IngestOptions.SectionName + ":NewBlobSweepSchedule%";
}
