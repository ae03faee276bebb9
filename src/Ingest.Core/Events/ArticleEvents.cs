using Azure;
using Azure.Data.Tables;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Core.Events;

/// <summary>
/// Events out, through an outbox. The article store adds an outbox row to the very transaction that changes the article
/// (<see cref="OutboxRow"/>), so an event exists exactly when its change does: a write that fails leaves none, a
/// write skipped as unchanged makes none. Right after the transaction the row's event is sent (to the queue or an Event
/// Grid topic, <see cref="ArticleEventSinks"/>) and the row removed (<see cref="PublishAsync"/>); if the host dies or the
/// queue is away in between, the row stays and the sweep publishes it (<see cref="DrainAsync"/>). At least once: a
/// consumer may see an event twice (same <c>id</c>), never not at all.
/// </summary>
public sealed partial class ArticleEvents(IngestStorage storage, TimeProvider time, ILogger<ArticleEvents>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ArticleEvents>.Instance;
    private readonly IArticleEventSink? _sink = ArticleEventSinks.For(storage);

    /// <summary>Events are on unless there is nowhere to send them (no topic, and <c>Ingest:ArticleEventsQueue</c> empty).</summary>
    public bool Enabled => _sink is not null;

    /// <summary>The outbox row of <paramref name="change"/>, in the article's catalog partition; null when events are off.</summary>
    internal TableEntity? OutboxRow(string partition, ArticleEvent change) => !Enabled ? null : new TableEntity(partition, CatalogKeys.Outbox(change.Time, change.EventId))
    {
        ["EventId"] = change.EventId,
        ["Type"] = change.Type,
        ["ArticleId"] = change.ArticleId,
        ["Version"] = change.Version,
        ["Container"] = change.Container,
        ["Blob"] = change.Blob,
        ["Time"] = change.Time,
    };

    /// <summary>Publishes the event of an outbox row just committed, and removes the row. A failure is logged and left to the sweep.</summary>
    internal async Task PublishAsync(TableEntity? outboxRow, CancellationToken cancellationToken)
    {
        if (outboxRow is null)
        {
            return;
        }

        try
        {
            await SendAndRemoveAsync(outboxRow, cancellationToken);
        }
        catch (Exception exception) when (TransientFailures.Are(exception) || exception is RequestFailedException)
        {
            LogLeftForSweep(_logger, outboxRow.GetString("Type"), outboxRow.GetString("ArticleId"), TransientFailures.Describe(exception));
        }
    }

    /// <summary>The sweep's part: publishes every outbox row written before now minus <c>Ingest:ArticleEventsGrace</c>, oldest first per partition; gives how many.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return 0;
        }

        var writtenBefore = time.GetUtcNow() - storage.Options.ArticleEventsGrace;
        var published = 0;
        foreach (var partition in CatalogKeys.Partitions)
        {
            var rows = await TableReads.ReadAllAsync(storage, storage.ArticlesTable, CatalogKeys.OutboxFilter(partition), select: null, cancellationToken);
            foreach (var row in rows.Where(r => r.GetDateTimeOffset("Time") <= writtenBefore))
            {
                try
                {
                    await SendAndRemoveAsync(row, cancellationToken);
                }
                catch (Exception exception) when (TransientFailures.Are(exception) || exception is RequestFailedException)
                {
                    // Still away: this row and the rest wait for the next tick, which must not fail the sweep's own work.
                    LogDrainStopped(_logger, published, TransientFailures.Describe(exception));
                    return published;
                }

                published++;
            }
        }

        if (published > 0)
        {
            LogDrained(_logger, published);
        }

        return published;
    }

    private async Task SendAndRemoveAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var change = new ArticleEvent(
            row.GetString("EventId"), row.GetString("Type"), row.GetString("ArticleId"), row.GetInt32("Version") ?? 0,
            row.GetString("Container"), row.GetString("Blob"), row.GetDateTimeOffset("Time") ?? row.Timestamp ?? time.GetUtcNow());
        await _sink!.SendAsync(ArticleCloudEvent.From(change, storage.Options.PublicBaseUrl), cancellationToken);
        await storage.Resilience.ExecuteAsync(
            async ct =>
            {
                try
                {
                    await storage.ArticlesTable.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
                }
                catch (RequestFailedException exception) when (exception.Status == 404)
                {
                    // Published and removed by another (the writer and the sweep met): the consumer sees the event twice.
                }
            },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Type} event of article {ArticleId} was not published ({Reason}); it stays in the outbox and the sweep publishes it")]
    private static partial void LogLeftForSweep(ILogger logger, string? type, string? articleId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Published {Count} article events from the outbox, then stopped ({Reason}); the next sweep goes on")]
    private static partial void LogDrainStopped(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} article events the writers had left in the outbox")]
    private static partial void LogDrained(ILogger logger, int count);
}
