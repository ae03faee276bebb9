using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Events;
using static Ingest.Core.Storage.CatalogRows;

namespace Ingest.Core.Storage;

/// <summary>
/// Articles in Table Storage: the catalog (article rows and listing rows, <see cref="CatalogKeys"/>)
/// and the Sections table (<see cref="SectionRows"/>). A first write of an article with up to
/// 99 sections costs two round trips: one transaction for the sections and their head row, one
/// for the article row and its listing rows (and no read when the write says it is likely new,
/// <see cref="ArticleWrite.LikelyNew"/>). Writes are idempotent and ordered: unchanged
/// content writes nothing, older blob content never replaces newer, and concurrent writers of
/// one article settle through ETags. Every write and delete that happens carries its event's outbox row in the same
/// catalog transaction and publishes it right after (<see cref="ArticleEvents"/>; a store made without one has no events).
/// </summary>
public sealed class ArticleStore(IngestStorage storage, TimeProvider time, ArticleEvents? events = null)
{
    private const int MaxWriteAttempts = 5;

    /// <summary>
    /// Tries one save makes. Each try lost is another write of the same article landing in between (the trigger, the
    /// new-blob lane, the sweep and overwrites of the blob can all be at it at once), so the bound is generous.
    /// </summary>
    private const int MaxSaveAttempts = 10;

    /// <summary>The longest pause after the first lost try; it doubles with each try lost after that.</summary>
    private static readonly TimeSpan FirstRetryPause = TimeSpan.FromMilliseconds(20);

    private TableClient Catalog => storage.ArticlesTable;
    private TableClient Sections => storage.SectionsTable;

    public async Task<SaveResult> SaveAsync(ArticleWrite write, CancellationToken cancellationToken = default)
    {
        var id = write.Article.Id;
        var partition = PartitionOf(write.Article);
        for (var attempt = 1; attempt <= MaxSaveAttempts; attempt++)
        {
            // Guessed new: nothing read, every row added; a row that is there after all refuses the write.
            var guessedNew = attempt == 1 && write.LikelyNew;
            var (existingRow, headRow) = guessedNew ? default : await ReadStoredAsync(partition, id, cancellationToken);
            var existing = existingRow is null ? null : ReadState(existingRow);
            var head = headRow is null ? default : SectionRows.ReadHead(headRow);

            if (await IsOlderAsync(write, existing?.Blob, cancellationToken) || await IsOlderAsync(write, headRow is null ? null : head.Blob, cancellationToken))
            {
                return new SaveResult(SaveOutcome.Superseded, existing?.Version ?? 0, existing?.Blob);
            }

            if (existing is not null && !write.Force && existing.ContentHash == write.ContentHash
                && existing.ExtractorVersion == write.ExtractorVersion && headRow is not null && head.WriteId == existing.WriteId)
            {
                return new SaveResult(SaveOutcome.Unchanged, existing.Version, existing.Blob);
            }

            var version = (existing?.Version ?? 0) + 1;
            var writeId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var article = write.Article with { Version = version, IngestedAt = time.GetUtcNow() };
            var outboxRow = events?.OutboxRow(partition, ArticleEvent.Written(existing is null, id, version, article.Source.Container, article.Source.Blob, article.IngestedAt));
            try
            {
                await WriteSectionsAsync(article, writeId, version, write.Blob, headRow, cancellationToken);
                await WriteCatalogAsync(article, writeId, write, existing, outboxRow, cancellationToken);
            }
            catch (RequestFailedException exception) when (IsConcurrencyConflict(exception))
            {
                // Another writer of this article got in between our reads and writes: read again and decide again, after a
                // pause of random length, so that the writers that met here do not meet again at once. A wrong guess that
                // nothing was stored met no other writer: read at once.
                if (!guessedNew)
                {
                    await Task.Delay(RetryPause(attempt), time, cancellationToken);
                }

                continue;
            }

            await PublishAsync(outboxRow, cancellationToken);
            return new SaveResult(SaveOutcome.Written, version, write.Blob);
        }

        throw new StorageConflictException($"Article {id} kept changing under {MaxSaveAttempts} write attempts.");
    }

    /// <summary>The article row and the sections' head row as stored (null when absent), read together: one round trip's wait, not two.</summary>
    private async Task<(TableEntity? ArticleRow, TableEntity? HeadRow)> ReadStoredAsync(string partition, string id, CancellationToken cancellationToken)
    {
        var readingArticle = PointReadAsync(Catalog, partition, CatalogKeys.Article(id), cancellationToken);
        var readingHead = ReadHeadAsync(id, cancellationToken);
        await Task.WhenAll(readingArticle, readingHead);
        return (await readingArticle, await readingHead);
    }

    /// <summary>The sections' head row: under its key, or, in a store that may hold old keys, under the old one.</summary>
    private Task<TableEntity?> ReadHeadAsync(string id, CancellationToken cancellationToken) =>
        RowKeyLayout.PointReadAsync(storage, Sections, id, SectionRows.HeadRowKey(id), SectionRows.OldHeadRowKey, cancellationToken);

    /// <summary>A random pause up to <see cref="FirstRetryPause"/> doubled once per try lost before (at most 16 times it).</summary>
    private static TimeSpan RetryPause(int attemptsLost) =>
        FirstRetryPause * (Random.Shared.NextDouble() * (1 << Math.Min(attemptsLost - 1, 4)));

    /// <summary>The stored article with its sections, or null.</summary>
    public async Task<ArticleDto?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!BlobKeys.IsWellFormedId(id) || CatalogKeys.PartitionOf(id) is not { } partition)
        {
            return null;
        }

        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var row = await PointReadAsync(Catalog, partition, CatalogKeys.Article(id), cancellationToken);
            if (row is null)
            {
                return null;
            }

            var (article, inline, writeId) = ReadArticle(row);
            if (inline)
            {
                return article;
            }

            var sections = await ReadGenerationAsync(id, writeId, cancellationToken);
            if (sections.Count == article.SectionCount)
            {
                return article with { Sections = sections };
            }

            // A newer write replaced this generation between our two reads: read the new one.
        }

        throw new StorageConflictException($"Article {id} kept changing while being read.");
    }

    /// <summary>
    /// One page of article summaries from the narrowest listing: a row-key range read in every catalog partition and
    /// merged, or, by source blob, in that blob's partition alone.
    /// </summary>
    public async Task<(IReadOnlyList<ArticleSummaryDto> Items, string? ContinuationToken)> ListAsync(ArticleListQuery query, CancellationToken cancellationToken = default)
    {
        var prefix = CatalogKeys.ListingPrefix(query.Source, query.Category, query.Author);
        var range = CatalogKeys.ListingRange(prefix, query.PublishedFrom, query.PublishedTo);
        if (query.Source is null)
        {
            var (merged, next) = await TableReads.ReadMergedPageAsync(storage, Catalog, CatalogKeys.Partitions, range, query.Top, query.ContinuationToken, ["RowKey", "Summary"], cancellationToken);
            return (merged.Select(ReadSummary).ToList(), next);
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CatalogKeys.PartitionOfBlob(query.Source)} and RowKey ge {range.From} and RowKey lt {range.To}");
        if (query.Category is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CategoryKey eq {KeyText.Escape(query.Category)}");
        }

        var (rows, token) = await TableReads.ReadPageAsync(storage, Catalog, filter, query.Top, query.ContinuationToken, ["Summary"], cancellationToken);
        return (rows.Select(ReadSummary).Where(s => MatchesAuthor(s, query)).ToList(), token);
    }

    /// <summary>
    /// Removes the article's catalog rows (in one transaction) and all its section rows; returns whether it had
    /// catalog rows. Safe to repeat, and safe when storage carried out a transaction but its answer was lost: the
    /// retry meets rows already gone (404), and reading again settles what is left to remove.
    /// </summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!BlobKeys.IsWellFormedId(id))
        {
            return false;
        }

        var hadCatalogRows = await DeleteCatalogRowsAsync(id, cancellationToken);
        await DeletePartitionAsync(Sections, id, cancellationToken);
        return hadCatalogRows;
    }

    private async Task<bool> DeleteCatalogRowsAsync(string id, CancellationToken cancellationToken)
    {
        if (CatalogKeys.PartitionOf(id) is not { } partition)
        {
            return false;
        }

        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var row = await PointReadAsync(Catalog, partition, CatalogKeys.Article(id), cancellationToken);
            if (row is null)
            {
                return attempt > 1;
            }

            var state = ReadState(row);
            var outboxRow = events?.OutboxRow(partition, ArticleEvent.Deleted(id, state.Version, storage.Options.ArticlesContainer, row.GetString("Blob"), time.GetUtcNow()));
            var actions = state.ListingKeys
                .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All))
                .Prepend(new TableTransactionAction(TableTransactionActionType.Delete, row, state.ETag))
                .Concat(outboxRow is null ? [] : [new TableTransactionAction(TableTransactionActionType.Add, outboxRow)]);
            try
            {
                await SubmitAsync(Catalog, actions, cancellationToken);
            }
            catch (RequestFailedException exception) when (IsConcurrencyConflict(exception))
            {
                // Gone already (our own unacknowledged transaction, or another deleter), or rewritten since we read it.
                continue;
            }

            await PublishAsync(outboxRow, cancellationToken);
            return true;
        }

        throw new StorageConflictException($"Article {id} kept changing while being deleted.");
    }

    private async Task DeletePartitionAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var keys = await ListRowKeysAsync(table, partitionKey, cancellationToken);
            if (keys.Count == 0)
            {
                return;
            }

            try
            {
                await SubmitAsync(table, keys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, key), ETag.All)), cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (IsConcurrencyConflict(exception))
            {
                // Some rows went between our listing and our transaction: list what is left and go again.
            }
        }

        throw new StorageConflictException($"The rows of partition {partitionKey} kept changing while being deleted.");
    }

    /// <summary>
    /// Writes a new generation of section rows and points the head at it, deleting every other row of the
    /// article, in order: new rows, the head (conditional on the head we read), old rows. Up to 99 sections
    /// with nothing to delete fit one transaction. A head read under the old key (<see cref="RowKeyLayout"/>) is
    /// replaced by one under the new key and deleted if it is still as read.
    /// </summary>
    private async Task WriteSectionsAsync(ArticleDto article, string writeId, int version, BlobVersion blob, TableEntity? headRow, CancellationToken cancellationToken)
    {
        var oldKeys = headRow is null ? [] : await ListRowKeysAsync(Sections, article.Id, cancellationToken);
        var head = SectionRows.Head(article.Id, writeId, article.Sections.Count, version, blob);
        IEnumerable<TableTransactionAction> headActions = headRow switch
        {
            null => [new(TableTransactionActionType.Add, head)],
            _ when headRow.RowKey == head.RowKey => [new(TableTransactionActionType.UpdateReplace, head, headRow.ETag)],
            _ => RowKeyLayout.Move(head, headRow.RowKey, headRow.ETag),
        };
        var actions = SectionRows.Build(article.Id, writeId, article.Sections)
            .Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))
            .Concat(headActions)
            .Concat(oldKeys
                .Where(key => key != head.RowKey && key != headRow?.RowKey)
                .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(article.Id, key), ETag.All)));
        await SubmitAsync(Sections, actions, cancellationToken);
    }

    /// <summary>The article row, its listing rows and its event's outbox row in one transaction: listings that no longer apply go, new ones come.</summary>
    private async Task WriteCatalogAsync(ArticleDto article, string writeId, ArticleWrite write, ArticleRowState? existing, TableEntity? outboxRow, CancellationToken cancellationToken)
    {
        var listings = ListingRows(article);
        var listingKeys = listings.Select(l => l.RowKey).ToList();
        var row = ArticleRow(article, writeId, write, listingKeys);
        var actions = new List<TableTransactionAction>
        {
            existing is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.ETag),
        };
        actions.AddRange(listings.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, l)));
        actions.AddRange((existing?.ListingKeys ?? []).Except(listingKeys, StringComparer.Ordinal)
            .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, key), ETag.All)));
        if (outboxRow is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, outboxRow));
        }

        await SubmitAsync(Catalog, actions, cancellationToken);
    }

    private Task PublishAsync(TableEntity? outboxRow, CancellationToken cancellationToken) =>
        events is null ? Task.CompletedTask : events.PublishAsync(outboxRow, cancellationToken);

    /// <summary>
    /// Whether the content being written is older than what <paramref name="stored"/> describes. Blob times have
    /// one-second resolution, so on a tie with another ETag the blob itself decides: only its current content is newer.
    /// </summary>
    private async Task<bool> IsOlderAsync(ArticleWrite write, BlobVersion? stored, CancellationToken cancellationToken)
    {
        if (stored is null || stored.ETag == write.Blob.ETag || write.Blob.LastModified > stored.LastModified)
        {
            return false;
        }

        if (write.Blob.LastModified < stored.LastModified)
        {
            return true;
        }

        // Gone (null) is newer too: the content being written is no longer the blob's.
        return (await storage.Articles.CurrentVersionAsync(write.Article.Source.Blob, cancellationToken))?.ETag != write.Blob.ETag;
    }

    private async Task<List<SectionDto>> ReadGenerationAsync(string id, string writeId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {id} and RowKey ge {SectionRows.GenerationPrefix(writeId)} and RowKey lt {SectionRows.GenerationEnd(writeId)}");
        return SectionRows.Read(await TableReads.ReadAllAsync(storage, Sections, filter, select: null, cancellationToken));
    }

    private async Task<List<string>> ListRowKeysAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var rows = await TableReads.ReadAllAsync(storage, table, filter, ["RowKey"], cancellationToken);
        return rows.Select(r => r.RowKey).ToList();
    }

    private Task<TableEntity?> PointReadAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        TableReads.PointReadAsync(storage, table, partitionKey, rowKey, cancellationToken);

    private async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in TableBatches.Split(actions))
        {
            await storage.Resilience.ExecuteAsync(async ct => await table.SubmitTransactionAsync(batch, ct), cancellationToken);
        }
    }

    private static bool MatchesAuthor(ArticleSummaryDto summary, ArticleListQuery query) =>
        query.Author is null || query.Source is null
        || summary.Authors.Any(a => string.Equals(KeyText.Escape(a), KeyText.Escape(query.Author), StringComparison.Ordinal));

    /// <summary>409: a row we add exists; 412: a row changed since we read it; 404 in a transaction: a row we delete is gone already.</summary>
    private static bool IsConcurrencyConflict(RequestFailedException exception) =>
        exception.Status is 409 or 412 || (exception is TableTransactionFailedException && exception.Status == 404);
}
