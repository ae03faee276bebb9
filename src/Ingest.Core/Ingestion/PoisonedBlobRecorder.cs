using System.Text.Json;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The blob trigger gives up on a blob after its poison threshold (five failed attempts) and copies its message to the
/// <c>webjobs-blobtrigger-poison</c> queue; this records the blob's ingestion as <c>poisoned</c>, with the attempts
/// counted and the last trouble named, so no status is left at "processing" for a file that will not be tried again.
/// The queue is shared by every app on the storage account: a message about another container is put back for its owner.
/// </summary>
public sealed partial class PoisonedBlobRecorder(IngestStorage storage, IngestionStore ingestions, TimeProvider time, ILogger<PoisonedBlobRecorder> logger)
{
    public const string QueueName = IngestStorage.PoisonQueueName;

    /// <param name="message">The queue message's text.</param>
    /// <param name="expiresOn">When the message would have expired: a message put back for another app lives no longer.</param>
    public async Task RecordAsync(string message, DateTimeOffset? expiresOn = null, CancellationToken cancellationToken = default)
    {
        if (!TryRead(message, out var container, out var blobName, out var etag))
        {
            LogUnreadable(logger);
            return;
        }

        if (container != storage.Options.ArticlesContainer)
        {
            // Another app's or container's blob: taking the message off the queue must not lose it.
            await ReturnAsync(message, expiresOn, cancellationToken);
            LogReturned(logger, container);
            return;
        }

        await ingestions.UpdateAsync(
            blobName,
            current => current is not null && current.Status != IngestionStatus.Processing && current.BlobVersion?.ETag != etag
                ? null // The blob has moved on since (a newer version succeeded or failed on its own).
                : IngestionRecord.Poisoned(blobName, current, etag, time.GetUtcNow()),
            cancellationToken);
        LogPoisoned(logger, blobName);
    }

    private async Task ReturnAsync(string message, DateTimeOffset? expiresOn, CancellationToken cancellationToken)
    {
        var timeToLive = expiresOn is { } end ? end - time.GetUtcNow() : (TimeSpan?)null;
        if (timeToLive <= TimeSpan.FromSeconds(1))
        {
            return; // It would expire before anyone saw it again.
        }

        var delay = storage.Options.PoisonReturnDelay;
        var hidden = timeToLive is { } ttl && ttl - TimeSpan.FromSeconds(1) < delay ? ttl - TimeSpan.FromSeconds(1) : delay;
        await storage.Resilience.ExecuteAsync(
            async ct => await storage.PoisonQueue.SendMessageAsync(message, hidden, timeToLive, ct),
            cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "A poison-queue message about container {Container} was put back for the app that owns it")]
    private static partial void LogReturned(ILogger logger, string? container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A poison-queue message could not be read and was left alone")]
    private static partial void LogUnreadable(ILogger logger);
}
