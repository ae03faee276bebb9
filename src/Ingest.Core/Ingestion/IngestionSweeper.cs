using Azure;
using Ingest.Core.Events;
using Ingest.Core.Storage;
using Ingest.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The periodic sweep both hosts run (a hosted service in the standalone host, a timer trigger in the Functions app).
/// It ingests blobs whose ingestion has sat at "processing" longer than <c>Ingest:StuckProcessingAfter</c> (a crashed or
/// cut-off host's work, which the trigger would only redeliver when its queue message's visibility runs out), and blobs
/// whose current content has had no ingestion for <c>Ingest:UnrecordedAfter</c> (a file or an overwrite the container
/// scan missed), removes the rows of blobs deleted straight from the container, and publishes article events their writers
/// left in the outbox (<see cref="ArticleEvents"/>).
/// <para>
/// Bounded and incremental: a tick holds the sweep lease (<see cref="SweepLease"/>: one sweeper across all hosts), looks
/// at no more than <c>Ingest:SweepBlobsPerTick</c> blobs and as many records, a page at a time, each page its own storage
/// call, and leaves a checkpoint the next tick goes on from. A blob's rows are removed only when a point read says the
/// blob is gone, never because an older listing lacked it. One blob's failure is logged and counted, and the tick goes on.
/// Idempotent: running it twice, or beside the trigger's own late redelivery, changes nothing more.
/// </para>
/// <para>
/// Its new-blob lane (<see cref="SweepNewBlobsAsync"/>) does the unrecorded-blob half alone, every few seconds, so that a
/// burst is ingested at the host's pace rather than at the pace of the trigger's scan.
/// </para>
/// </summary>
public sealed partial class IngestionSweeper(
    IngestStorage storage,
    IngestionStore ingestions,
    ArticleStore articles,
    IArticleIngestor ingestor,
    TimeProvider time,
    ArticleEvents events,
    ILogger<IngestionSweeper> logger,
    IngestTelemetry? telemetry = null)
{
    private readonly IngestTelemetry _telemetry = telemetry ?? IngestTelemetry.Default;

    private const int PageSize = 500;

    private readonly SeenRecorded _seenRecorded = new();

    /// <summary>How many blobs a tick ingests at once (the trigger runs 8 per core by default).</summary>
    private const int IngestionsAtOnce = 8;

    /// <param name="Reingested">Blobs ingested again.</param>
    /// <param name="Removed">Deleted blobs whose articles and record were removed.</param>
    /// <param name="Failed">Blobs the tick could not settle (logged; the next cycle tries again).</param>
    /// <param name="LeaseHeldElsewhere">Another sweeper was running, so this one did nothing.</param>
    /// <param name="EventsPublished">Article events their writers had left in the outbox, published now.</param>
    public sealed record SweepResult(int Reingested, int Removed, int Failed = 0, bool LeaseHeldElsewhere = false, int EventsPublished = 0);

    private sealed class Tally
    {
        public int Reingested;
        public int Removed;
        public int Failed;
        public int Blobs;
        public int Records;
    }

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await SweepLease.TryAcquireAsync(storage, time, SweepLease.Sweep, cancellationToken);
        if (lease is null)
        {
            LogLeaseHeld(logger);
            return new SweepResult(0, 0, LeaseHeldElsewhere: true);
        }

        var now = time.GetUtcNow();
        var stuckBefore = now - storage.Options.StuckProcessingAfter;
        var budget = storage.Options.SweepBlobsPerTick;
        var tally = new Tally();
        var marker = await SweepBlobsAsync(lease, lease.Checkpoint.ContainerMarker, budget, now - storage.Options.UnrecordedAfter, tally, cancellationToken);
        var token = await SweepRecordsAsync(lease, lease.Checkpoint.RecordsToken, budget, stuckBefore, tally, cancellationToken);
        await lease.SaveAsync(new SweepCheckpoint(marker, token), cancellationToken);
        var published = await events.DrainAsync(cancellationToken);

        LogSwept(logger, tally.Blobs, tally.Records, tally.Reingested, tally.Removed, tally.Failed, marker is null && token is null);
        _telemetry.SweepRepairs.Add(tally.Reingested, new KeyValuePair<string, object?>("ingest.repair", "reingested"));
        _telemetry.SweepRepairs.Add(tally.Removed, new KeyValuePair<string, object?>("ingest.repair", "removed"));
        return new SweepResult(tally.Reingested, tally.Removed, tally.Failed, EventsPublished: published);
    }

    /// <summary>
    /// The fast lane for new blobs, run every few seconds beside the full sweep (its own lease, so one host at a time, and
    /// its own checkpoint): blobs whose content has had no record for <c>Ingest:UnrecordedAfter</c> are ingested now, not
    /// when the polling trigger's scan reaches them, which in a burst is what sets the pace. Each blob's record is read once
    /// per content (a point read); a blob this host has seen recorded costs the lane its line in the listing and nothing
    /// more. The trigger's own delivery of a blob the lane ingested finds it done; one that comes while the lane is at it
    /// is fenced by the records' and rows' ETags as any second delivery is.
    /// </summary>
    public async Task<SweepResult> SweepNewBlobsAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await SweepLease.TryAcquireAsync(storage, time, SweepLease.NewBlobs, cancellationToken);
        if (lease is null)
        {
            return new SweepResult(0, 0, LeaseHeldElsewhere: true);
        }

        var unrecordedBefore = time.GetUtcNow() - storage.Options.UnrecordedAfter;
        var tally = new Tally();
        var marker = await ForEachBlobPageAsync(lease, lease.Checkpoint.ContainerMarker, storage.Options.SweepBlobsPerTick, tally, async blobs =>
            // Last name first: the trigger's scan hands blobs out in name order, so going the other way the two meet once
            // in a burst instead of racing each other down the same names (both would extract the blob they met on).
            await SettleSeveralAsync(
                blobs.Where(b => b.Version.LastModified < unrecordedBefore && !_seenRecorded.Has(b.Name, b.Version.ETag)).Reverse(),
                blob => blob.Name,
                blob => IngestIfUnrecordedAsync(lease, blob.Name, blob.Version, tally, cancellationToken),
                tally,
                cancellationToken),
            cancellationToken);

        await lease.SaveAsync(new SweepCheckpoint(marker, null), cancellationToken);
        if (tally.Reingested + tally.Failed > 0)
        {
            LogNewBlobsSwept(logger, tally.Blobs, tally.Reingested, tally.Failed);
        }

        _telemetry.SweepRepairs.Add(tally.Reingested, new KeyValuePair<string, object?>("ingest.repair", "new-blob"));
        return new SweepResult(tally.Reingested, 0, tally.Failed);
    }

    private async Task IngestIfUnrecordedAsync(SweepLease lease, string blobName, BlobVersion listed, Tally tally, CancellationToken cancellationToken)
    {
        // A lost lease means another host runs the lane now: leave the rest of this page to it.
        if (!await lease.KeepAsync(cancellationToken))
        {
            return;
        }

        var record = (await ingestions.ReadAsync(blobName, cancellationToken)).Record;
        if (record?.BlobVersion?.ETag != listed.ETag)
        {
            record = await ingestor.IngestAsync(blobName, cancellationToken);
            Interlocked.Increment(ref tally.Reingested);
        }

        // Whatever its status: a record says the trigger or the lane has this content; the full sweep watches the rest.
        if (record?.BlobVersion?.ETag is { } recorded)
        {
            _seenRecorded.Note(blobName, recorded);
        }
    }

    /// <summary>Blobs modified before <paramref name="unrecordedBefore"/> whose current content has no ingestion; returns where the listing stopped (null at its end).</summary>
    private async Task<string?> SweepBlobsAsync(SweepLease lease, string? marker, int budget, DateTimeOffset unrecordedBefore, Tally tally, CancellationToken cancellationToken) =>
        await ForEachBlobPageAsync(lease, marker, budget, tally, async blobs =>
        {
            var old = blobs.Where(b => b.Version.LastModified < unrecordedBefore).ToList();
            // Read after the listing: a record the trigger wrote since is seen, and its blob left alone.
            var recorded = await ingestions.RecordedETagsAsync(old.Select(b => b.Name).ToList(), cancellationToken);
            // A burst the trigger's scan missed is hundreds of files: ingest them several at a time, as the trigger would.
            await SettleSeveralAsync(
                old.Where(b => recorded[b.Name] != b.Version.ETag).Select(b => b.Name),
                name => name,
                async name =>
                {
                    await ingestor.IngestAsync(name, cancellationToken);
                    Interlocked.Increment(ref tally.Reingested);
                },
                tally,
                cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Lists the container a page at a time from <paramref name="marker"/>, while the lease holds and until
    /// <paramref name="budget"/> blobs were seen, handing each page to <paramref name="handle"/>; returns where the listing
    /// stopped (null at its end).
    /// </summary>
    private async Task<string?> ForEachBlobPageAsync(SweepLease lease, string? marker, int budget, Tally tally, Func<List<(string Name, BlobVersion Version)>, Task> handle, CancellationToken cancellationToken)
    {
        do
        {
            if (!await lease.KeepAsync(cancellationToken))
            {
                return marker;
            }

            var (blobs, next) = await storage.Articles.ListPageAsync(marker, Math.Min(PageSize, budget - tally.Blobs), cancellationToken);
            tally.Blobs += blobs.Count;
            await handle(blobs);
            marker = next;
        }
        while (marker is not null && tally.Blobs < budget);

        return marker;
    }

    /// <summary>Runs <paramref name="step"/> for each item, <see cref="IngestionsAtOnce"/> at a time, each settled on its own (<see cref="SettleAsync"/>).</summary>
    private async Task SettleSeveralAsync<T>(IEnumerable<T> items, Func<T, string> blobName, Func<T, Task> step, Tally tally, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = IngestionsAtOnce, CancellationToken = cancellationToken },
            async (item, _) => await SettleAsync(blobName(item), tally, () => step(item), cancellationToken));

    /// <summary>Records of deleted blobs, and records abandoned at "processing"; returns where the table read stopped (null at its end).</summary>
    private async Task<string?> SweepRecordsAsync(SweepLease lease, string? token, int budget, DateTimeOffset stuckBefore, Tally tally, CancellationToken cancellationToken)
    {
        do
        {
            if (!await lease.KeepAsync(cancellationToken))
            {
                return token;
            }

            var (records, next) = await ingestions.ReadPageAsync(token, Math.Min(PageSize, budget - tally.Records), cancellationToken);
            tally.Records += records.Count;
            foreach (var (record, rowETag) in records)
            {
                await SettleAsync(record.Blob, tally, () => SettleRecordAsync(record, rowETag, stuckBefore, tally, cancellationToken), cancellationToken);
            }

            token = next;
        }
        while (token is not null && tally.Records < budget);

        return token;
    }

    private async Task SettleRecordAsync(IngestionRecord record, ETag rowETag, DateTimeOffset stuckBefore, Tally tally, CancellationToken cancellationToken)
    {
        var current = await storage.Articles.CurrentVersionAsync(record.Blob, cancellationToken);
        if (current is null)
        {
            // Gone for certain.
            if (await DeletedBlobRows.RemoveAsync(articles, ingestions, record.Blob, record, rowETag, [], cancellationToken))
            {
                tally.Removed++;
            }
        }
        else if (record.Status == IngestionStatus.Processing && record.UpdatedAt < stuckBefore && record.BlobVersion?.ETag == current.ETag)
        {
            await ingestor.IngestAsync(record.Blob, cancellationToken);
            tally.Reingested++;
        }
    }

    /// <summary>Runs one blob's step; a failure is logged and counted, and the tick goes on.</summary>
    private async Task SettleAsync(string blobName, Tally tally, Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref tally.Failed);
            LogBlobFailed(logger, exception, blobName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Swept {Blobs} blobs and {Records} ingestion records: {Reingested} abandoned blobs ingested, {Removed} deleted blobs' rows removed, {Failed} failed; cycle complete: {Complete}")]
    private static partial void LogSwept(ILogger logger, int blobs, int records, int reingested, int removed, int failed, bool complete);

    [LoggerMessage(Level = LogLevel.Information, Message = "New-blob lane: listed {Blobs} blobs, ingested {Ingested} that had no record, {Failed} failed")]
    private static partial void LogNewBlobsSwept(ILogger logger, int blobs, int ingested, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another host is sweeping; this tick stands aside")]
    private static partial void LogLeaseHeld(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep could not settle {BlobName}; it goes on with the others and tries again next cycle")]
    private static partial void LogBlobFailed(ILogger logger, Exception exception, string blobName);
}
