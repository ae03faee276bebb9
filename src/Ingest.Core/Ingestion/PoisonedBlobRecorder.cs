using System.Text.Json;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The blob trigger gives up on a blob after its poison threshold (five failed attempts) and copies its message to the
/// <c>webjobs-blobtrigger-poison</c> queue; this records the blob's ingestion as <c>poisoned</c>, with the attempts
/// counted and the last trouble named, so no status is left at "processing" for a file that will not be tried again.
/// </summary>
public sealed partial class PoisonedBlobRecorder(IngestStorage storage, IngestionStore ingestions, TimeProvider time, ILogger<PoisonedBlobRecorder> logger)
{
    public const string QueueName = "webjobs-blobtrigger-poison";

    public async Task RecordAsync(string message, CancellationToken cancellationToken = default)
    {
        if (!TryRead(message, out var container, out var blobName, out var etag))
        {
            LogUnreadable(logger);
            return;
        }

        if (container != storage.Options.ArticlesContainer)
        {
            return; // Another function's or container's blob.
        }

        await ingestions.UpdateAsync(
            blobName,
            current => current is not null && current.Status != IngestionStatus.Processing && current.BlobVersion?.ETag != etag
                ? null // The blob has moved on since (a newer version succeeded or failed on its own).
                : new IngestionRecord(
                    blobName,
                    IngestionStatus.Poisoned,
                    current?.ArticleIds ?? [],
                    current?.Attempts ?? 0,
                    "poisoned",
                    $"The trigger gave up after {current?.Attempts ?? 0} attempts ({current?.ErrorMessage ?? "transient failures"}). It is tried again when the blob changes, or with POST /api/ingestions/reprocess.",
                    current?.BlobVersion ?? (etag is null ? null : new BlobVersion(etag, DateTimeOffset.MinValue)),
                    time.GetUtcNow(),
                    current?.ReprocessToken),
            cancellationToken);
        LogPoisoned(logger, blobName);
    }

    private static bool TryRead(string message, out string? container, out string blobName, out string? etag)
    {
        container = null;
        blobName = "";
        etag = null;
        try
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            container = root.TryGetProperty("ContainerName", out var c) ? c.GetString() : null;
            blobName = root.TryGetProperty("BlobName", out var b) ? b.GetString() ?? "" : "";
            etag = root.TryGetProperty("ETag", out var e) ? e.GetString() : null;
            return blobName.Length > 0;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion of {BlobName} is poisoned: the trigger gave up on it")]
    private static partial void LogPoisoned(ILogger logger, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A poison-queue message could not be read and was left alone")]
    private static partial void LogUnreadable(ILogger logger);
}
