using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The periodic sweep both hosts run (a hosted service in the standalone host, a timer trigger in the Functions app).
/// It ingests blobs whose ingestion has sat at "processing" longer than <c>Ingest:StuckProcessingAfter</c>, and blobs
/// that old whose current content has no ingestion at all (a crashed or cut-off host's work, which the trigger would only
/// redeliver when its queue message's visibility runs out, or an overwrite the container scan missed), and removes the
/// rows of blobs deleted straight from the container.
/// Idempotent: running it twice, or beside the trigger's own late redelivery, changes nothing more.
/// </summary>
public sealed partial class IngestionSweeper(
    IngestStorage storage,
    IngestionStore ingestions,
    ArticleStore articles,
    IArticleIngestor ingestor,
    TimeProvider time,
    ILogger<IngestionSweeper> logger)
{
    public sealed record SweepResult(int Reingested, int Removed);

    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var blobs = await ExistingBlobsAsync(cancellationToken);
        var records = await ingestions.ListAllAsync(cancellationToken);
        var stuckBefore = time.GetUtcNow() - storage.Options.StuckProcessingAfter;
        var reingested = 0;
        var removed = 0;
        var recorded = records.ToDictionary(r => r.Blob, r => r.BlobVersion?.ETag, StringComparer.Ordinal);
        foreach (var (blob, version) in blobs)
        {
            var seen = recorded.TryGetValue(blob, out var recordedETag);
            if ((!seen || recordedETag != version.ETag) && version.LastModified < stuckBefore
                && (await ingestions.GetAsync(blob, cancellationToken))?.BlobVersion?.ETag != version.ETag)
            {
                // Read again just before: the trigger may have got to it since the listing.
                await ingestor.IngestAsync(blob, cancellationToken);
                reingested++;
            }
        }

        foreach (var record in records)
        {
            if (!blobs.TryGetValue(record.Blob, out var current))
            {
                foreach (var id in record.ArticleIds)
                {
                    await articles.DeleteAsync(id, cancellationToken);
                }

                await ingestions.DeleteAsync(record.Blob, cancellationToken);
                removed++;
            }
            else if (record.Status == IngestionStatus.Processing && record.UpdatedAt < stuckBefore && record.BlobVersion?.ETag == current.ETag)
            {
                await ingestor.IngestAsync(record.Blob, cancellationToken);
                reingested++;
            }
        }

        LogSwept(logger, records.Count, reingested, removed);
        return new SweepResult(reingested, removed);
    }

    private async Task<Dictionary<string, BlobVersion>> ExistingBlobsAsync(CancellationToken cancellationToken) =>
        await storage.Resilience.ExecuteAsync(
            async ct =>
            {
                var blobs = new Dictionary<string, BlobVersion>(StringComparer.Ordinal);
                await foreach (var blob in storage.Articles.GetBlobsAsync(cancellationToken: ct))
                {
                    // Listings give the ETag bare; downloads, and so the records, give it quoted as in the header.
                    var etag = "\"" + (blob.Properties.ETag?.ToString() ?? "").Trim('"') + "\"";
                    blobs[blob.Name] = new BlobVersion(etag, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
                }

                return blobs;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Records} ingestion records: {Reingested} abandoned blobs ingested, {Removed} deleted blobs' rows removed")]
    private static partial void LogSwept(ILogger logger, int records, int reingested, int removed);
}
