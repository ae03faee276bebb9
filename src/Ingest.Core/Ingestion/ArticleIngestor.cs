using System.Diagnostics;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Extraction;
using Ingest.Core.Storage;
using Ingest.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The flow for one dropped file, as both hosts' blob triggers run it:
/// read the blob → record <c>processing</c> → extract → store → record the outcome.
/// Permanent failures (a file that can never give an article) end as a recorded <c>failed</c>
/// status and return normally; transient ones (storage, timeouts) throw, so the trigger retries.
/// </summary>
public sealed partial class ArticleIngestor(
    IngestStorage storage,
    ArticleExtractor extractor,
    ArticleStore articles,
    IngestionStore ingestions,
    TimeProvider time,
    ILogger<ArticleIngestor> logger,
    IngestTelemetry? telemetry = null) : IArticleIngestor
{
    private readonly IngestTelemetry _telemetry = telemetry ?? IngestTelemetry.Default;
    private readonly BlobRunGate _runs = new();

    /// <summary>Blob metadata that <c>POST /api/ingestions/reprocess</c> sets: a new value re-extracts unchanged content.</summary>
    public const string ReprocessMetadataKey = "ingestreprocess";

    /// <summary>The <c>ingest.outcome</c> of a delivery that found its content ingested already: counted, but not as an ingestion.</summary>
    public const string AlreadyDoneOutcome = "already-done";

    /// <summary>What one delivery came to: the record, the sections it wrote, the bytes it read, and whether it found the work done.</summary>
    private readonly record struct Run(IngestionRecord Record, int Sections, long Bytes, bool AlreadyDone = false);

    public Task<IngestionRecord> IngestAsync(string blobName, CancellationToken cancellationToken = default) =>
        RunReportedAsync(blobName, delivered: null, cancellationToken);

    /// <summary>
    /// As <see cref="IngestAsync(string, CancellationToken)"/>; when the record says <paramref name="delivered"/> (the
    /// version the trigger saw) is done, nothing more is read: the trigger's late or second delivery of content ingested
    /// already costs one record read.
    /// </summary>
    public Task<IngestionRecord> IngestAsync(string blobName, BlobVersion delivered, CancellationToken cancellationToken = default) =>
        RunReportedAsync(blobName, delivered, cancellationToken);

    /// <summary>One delivery, traced, counted and logged; transient trouble noted on the record and thrown.</summary>
    private async Task<IngestionRecord> RunReportedAsync(string blobName, BlobVersion? delivered, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = IngestTelemetry.Source.StartActivity("ingest");
        activity?.SetTag("ingest.blob", blobName);
        try
        {
            var (record, sections, bytes, alreadyDone) = await RunAsync(blobName, delivered, cancellationToken);
            if (alreadyDone)
            {
                // Not an ingestion: a delivery of content the trigger, the sweep or another host ingested first (logged as such).
                activity?.SetTag("ingest.outcome", AlreadyDoneOutcome);
                _telemetry.Ingestions.Add(1, new KeyValuePair<string, object?>("ingest.outcome", AlreadyDoneOutcome));
                return record;
            }

            var duration = Stopwatch.GetElapsedTime(started);
            LogIngested(logger, blobName, record.Status, record.ArticleIds, sections, record.ErrorCode, duration.TotalMilliseconds);
            Report(activity, record, sections, bytes, duration);
            return record;
        }
        catch (Exception exception) when (TransientFailures.Are(exception) && !cancellationToken.IsCancellationRequested)
        {
            var durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity?.SetTag("ingest.outcome", "transient-failure");
            _telemetry.Ingestions.Add(1, new KeyValuePair<string, object?>("ingest.outcome", "transient-failure"));
            LogTransientFailure(logger, blobName, exception.GetType().Name, durationMs);
            await TryRecordTransientFailureAsync(blobName, exception);
            throw; // The trigger retries; after its poison threshold, PoisonedBlobRecorder records the blob as poisoned.
        }
    }

    private void Report(Activity? activity, IngestionRecord record, int sections, long bytes, TimeSpan duration)
    {
        var outcome = new KeyValuePair<string, object?>("ingest.outcome", record.Status);
        activity?.SetTag("ingest.outcome", record.Status);
        activity?.SetTag("ingest.articles", record.ArticleIds.Count);
        activity?.SetTag("ingest.bytes", bytes);
        activity?.SetTag("ingest.sections_written", sections);
        if (record.ErrorCode is not null)
        {
            activity?.SetTag("ingest.error", record.ErrorCode);
        }

        _telemetry.Ingestions.Add(1, outcome);
        _telemetry.Duration.Record(duration.TotalSeconds, outcome);
        _telemetry.Bytes.Add(bytes);
        _telemetry.SectionsWritten.Add(sections);
        if (record.Status is IngestionStatus.Succeeded or IngestionStatus.Unchanged && record.BlobVersion is { } version)
        {
            _telemetry.EndToEndDuration.Record(Math.Max(0, (record.UpdatedAt - version.LastModified).TotalSeconds), outcome);
        }
    }

    private async Task<Run> RunAsync(string blobName, BlobVersion? delivered, CancellationToken cancellationToken)
    {
        if (BlobNames.Problem(blobName) is { } nameProblem)
        {
            // The upload route refuses such names; a blob that arrived with one some other way is not read either.
            return new Run(await RecordAsync(blobName, current => Failure(current, blobName, null, BlobNames.ErrorCode, nameProblem), cancellationToken), 0, 0);
        }

        // A delivery of a blob this host is running already waits for that run, and then finds its content done.
        using var turn = await _runs.EnterAsync(blobName, cancellationToken);
        var maxBytes = storage.Options.MaxBlobBytes;
        // What is recorded before the download: a delivery of content already ingested (the trigger's late or second
        // delivery of a blob the sweep or another host did) reads no body, extracts nothing and writes nothing. A blob
        // over the limit is refused before a byte of its body is read.
        var read = await ingestions.ReadAsync(blobName, cancellationToken);
        if (delivered is not null && IsDone(read.Record, delivered))
        {
            LogAlreadyDone(logger, blobName);
            return new Run(read.Record!, 0, 0, AlreadyDone: true);
        }

        BlobDownload? download;
        using (IngestTelemetry.Source.StartActivity("download"))
        {
            download = await storage.Articles.DownloadAsync(
                blobName,
                (version, length) => length <= maxBytes && !IsDone(read.Record, version),
                // After a wait for memory (a burst of large files), read the record again: another host may have ingested
                // this very content meanwhile (in this host, a second delivery of the blob waits at the gate above).
                async version =>
                {
                    read = await ingestions.ReadAsync(blobName, cancellationToken);
                    return !IsDone(read.Record, version);
                },
                cancellationToken);
        }

        var before = read.Record;

        // The budget's share is held until the run ends; the body itself only until it is extracted (below).
        using var heldMemory = download?.Memory;
        if (download is null)
        {
            return new Run(await RecordAsync(blobName, current => Failure(current, blobName, null, "blob-not-found", "The blob was deleted before it could be read."), cancellationToken), 0, 0);
        }

        var bytes = download.Content is null ? 0 : download.Length;

        var version = download.Version;
        if (IsDone(before, version))
        {
            // Done already, by this host or another, by the trigger or the sweep: the record keeps its outcome.
            LogAlreadyDone(logger, blobName);
            return new Run(before!, 0, 0, AlreadyDone: true);
        }

        if (download.Content is null)
        {
            var message = $"The file has {download.Length} bytes; at most {maxBytes} are ingested (Ingest:MaxBlobBytes).";
            return new Run(await RecordAsync(blobName, current => Failure(current, blobName, version, "too-large", message), cancellationToken), 0, bytes);
        }

        download.Metadata.TryGetValue(ReprocessMetadataKey, out var reprocessToken);
        ExtractionResult extraction;
        using (IngestTelemetry.Source.StartActivity("extract"))
        {
            var extracting = Stopwatch.GetTimestamp();
            extraction = extractor.Extract(download.Content, blobName);
            _telemetry.ExtractionDuration.Record(Stopwatch.GetElapsedTime(extracting).TotalSeconds);
        }

        // A large file's peak: its bytes and every copy of its text made while extracting are garbage now, and its rows are
        // yet to be built. The bytes go, and for a large file the garbage is collected before the rows add to it.
        download = null;
        heldMemory?.CollectGarbage();

        var ids = extraction.Succeeded ? extraction.Articles.Select(a => BlobKeys.ArticleId(blobName, a.Position)).ToList() : [];
        IngestionRecord? previous = null; // The record as it stood before this delivery: was this content done already?
        // Written under the ETag of the record read before the download (no second read); the outcome's write goes on
        // from this write's answer in turn. A record that changed in between is read again and the update applied to it.
        var recorded = await ingestions.UpdateAsync(
            blobName,
            current =>
            {
                previous = current;
                return IngestionRecord.Processing(blobName, current, version, ids, time.GetUtcNow());
            },
            read,
            cancellationToken);
        var processing = recorded.Record!;
        if (processing.BlobVersion is { } newer && newer.ETag != version.ETag && newer.LastModified >= version.LastModified)
        {
            // A run over newer content got here first: it records the outcome; this stale run writes nothing.
            return new Run(processing, 0, bytes);
        }

        var force = reprocessToken is not null && reprocessToken != processing.ReprocessToken;

        if (!extraction.Succeeded)
        {
            return new Run(await RecordAsync(blobName, current => Failure(current, blobName, version, extraction.Error.Code, extraction.Error.Message), cancellationToken, recorded), 0, bytes);
        }

        using var storing = IngestTelemetry.Source.StartActivity("store");
        var outcomes = new List<SaveResult>(extraction.Articles.Count);
        var sectionsWritten = 0;
        try
        {
            for (var i = 0; i < extraction.Articles.Count; i++)
            {
                if (i > 0 && !await IsCurrentAsync(blobName, version, cancellationToken))
                {
                    // Positions past the first may be absent from the newer content: none of them is written.
                    outcomes.Add(new SaveResult(SaveOutcome.Superseded, 0, null));
                    break;
                }

                var extracted = extraction.Articles[i];
                var article = ArticleDtos.From(extracted, ids[i], storage.Articles.ContainerName, blobName, version.ETag);
                // A blob with no record before this run was never stored: its articles are written as new, without reading first.
                var saved = await articles.SaveAsync(new ArticleWrite(article, extracted.Source.ContentHash, ArticleExtractor.Version, version, force, LikelyNew: previous is null), cancellationToken);
                outcomes.Add(saved);
                sectionsWritten += saved.Outcome == SaveOutcome.Written ? article.SectionCount : 0;
            }
        }
        catch (ArticleTooLargeException exception)
        {
            return new Run(await RecordAsync(blobName, current => Failure(current, blobName, version, "too-large", exception.Message), cancellationToken, recorded), 0, bytes);
        }

        var stale = outcomes.Any(o => o.Outcome == SaveOutcome.Superseded);
        var gone = processing.ArticleIds.Except(ids, StringComparer.Ordinal).ToList();
        if (!stale && gone.Count > 0 && !await IsCurrentAsync(blobName, version, cancellationToken))
        {
            stale = true;
        }

        if (stale)
        {
            // Newer content is being or has been ingested: its run records the outcome and removes what it no longer
            // holds. This run reports what is recorded and changes nothing more.
            return new Run(await ingestions.GetAsync(blobName, cancellationToken) ?? processing, sectionsWritten, bytes);
        }

        // Articles the blob no longer holds: a JSON array that shrank.
        foreach (var id in gone)
        {
            await articles.DeleteAsync(id, cancellationToken);
        }

        var status = StatusOf(outcomes, previous, version);
        var record = await RecordAsync(blobName, current => IngestionRecord.Completed(blobName, current, status, ids, version, time.GetUtcNow(), reprocessToken), cancellationToken, recorded);
        return new Run(record, sectionsWritten, bytes);
    }

    /// <summary>
    /// <c>succeeded</c> when anything was written, or when nothing needed writing because another delivery of this very
    /// content, interrupted or still running, wrote it; the outcome already recorded when a delivery of this very content
    /// running beside this one finished first; <c>unchanged</c> when new content is identical to what is stored.
    /// </summary>
    private static string StatusOf(List<SaveResult> outcomes, IngestionRecord? previous, BlobVersion version)
    {
        if (outcomes.Any(o => o.Outcome != SaveOutcome.Unchanged))
        {
            return IngestionStatus.Succeeded;
        }

        if (previous is { Status: IngestionStatus.Succeeded or IngestionStatus.Unchanged } && previous.BlobVersion?.ETag == version.ETag)
        {
            return previous.Status;
        }

        var writtenFromThisContent = outcomes.All(o => o.StoredBlob?.ETag == version.ETag);
        return writtenFromThisContent ? IngestionStatus.Succeeded : IngestionStatus.Unchanged;
    }

    /// <summary>Whether <paramref name="record"/> says this very content was ingested completely.</summary>
    private static bool IsDone(IngestionRecord? record, BlobVersion version) =>
        record is { Status: IngestionStatus.Succeeded or IngestionStatus.Unchanged, BlobVersion: { } recorded } && recorded.ETag == version.ETag;

    /// <summary>Whether the blob still holds the content this run read: the fence every write past the first checks.</summary>
    private async Task<bool> IsCurrentAsync(string blobName, BlobVersion version, CancellationToken cancellationToken) =>
        (await storage.Articles.CurrentVersionAsync(blobName, cancellationToken))?.ETag == version.ETag;

    /// <summary>Notes the transient trouble on the blob's record, when storage lets us, so a poisoned blob says what kept failing.</summary>
    private async Task TryRecordTransientFailureAsync(string blobName, Exception exception)
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await ingestions.UpdateAsync(
                blobName,
                current => current is null ? null : current with { ErrorCode = "transient", ErrorMessage = TransientFailures.Describe(exception), UpdatedAt = time.GetUtcNow() },
                quick.Token);
        }
        catch (Exception recordFailure) when (TransientFailures.Are(recordFailure) || recordFailure is OperationCanceledException)
        {
            // Storage is the trouble: the record keeps saying "processing" until the retry or the poison handler.
        }
    }

    /// <summary>Records <paramref name="update"/>'s outcome, from <paramref name="known"/> when this run wrote the record last (no read first).</summary>
    private async Task<IngestionRecord> RecordAsync(string blobName, Func<IngestionRecord?, IngestionRecord> update, CancellationToken cancellationToken, IngestionRead? known = null) =>
        (await ingestions.UpdateAsync(blobName, update, known, cancellationToken)).Record ?? update(null);

    /// <summary>A failed ingestion keeps what the blob's last good content gave (<see cref="IngestionRecord.Failed"/>).</summary>
    private IngestionRecord Failure(IngestionRecord? current, string blobName, BlobVersion? version, string code, string message) =>
        IngestionRecord.Failed(blobName, current, version, code, message, time.GetUtcNow());

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ingested {BlobName}: {Outcome}, articles [{ArticleIds}], {SectionsWritten} sections written, error {ErrorCode}, {DurationMs:F1} ms")]
    private static partial void LogIngested(ILogger logger, string blobName, string outcome, IReadOnlyList<string> articleIds, int sectionsWritten, string? errorCode, double durationMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobName} was delivered again after its content was ingested; nothing to do")]
    private static partial void LogAlreadyDone(ILogger logger, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting {BlobName} failed for a transient reason ({FailureType}) after {DurationMs:F1} ms; the trigger will retry")]
    private static partial void LogTransientFailure(ILogger logger, string blobName, string failureType, double durationMs);
}
