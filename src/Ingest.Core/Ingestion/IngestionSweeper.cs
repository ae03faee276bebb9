using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The periodic sweep both hosts run (a hosted service in the standalone host, a timer trigger in the Functions app):
/// re-ingests blobs whose ingestion has sat at "processing" longer than <c>Ingest:StuckProcessingAfter</c> (a crashed
/// host's work), and removes the rows of blobs deleted straight from the container. Idempotent: running it twice,
/// or beside the trigger's own late redelivery, changes nothing more.
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
        foreach (var record in records)
        {
            if (!blobs.Contains(record.Blob))
            {
                foreach (var id in record.ArticleIds)
                {
                    await articles.DeleteAsync(id, cancellationToken);
                }

                await ingestions.DeleteAsync(record.Blob, cancellationToken);
                removed++;
            }
            else if (record.Status == IngestionStatus.Processing && record.UpdatedAt < stuckBefore)
            {
                await ingestor.IngestAsync(record.Blob, cancellationToken);
                reingested++;
            }
        }

        LogSwept(logger, records.Count, reingested, removed);
        return new SweepResult(reingested, removed);
    }

    private async Task<HashSet<string>> ExistingBlobsAsync(CancellationToken cancellationToken) =>
        await storage.Resilience.ExecuteAsync(
            async ct =>
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                await foreach (var blob in storage.Articles.GetBlobsAsync(cancellationToken: ct))
                {
                    names.Add(blob.Name);
                }

                return names;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Records} ingestion records: {Reingested} stuck ones ingested again, {Removed} of deleted blobs removed")]
    private static partial void LogSwept(ILogger logger, int records, int reingested, int removed);
}
