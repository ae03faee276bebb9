using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// The Ingestions table: one row per blob (partition and row key = <see cref="BlobKeys.For"/>; a store written
/// before that layout holds rows under <c>""</c>, read and moved as <see cref="RowKeyLayout"/> says), saying what
/// happened to it. Updates are read-modify-write under the row's ETag, and a record about older
/// blob content never replaces one about newer content. Listings by status and newest first read
/// the <see cref="IngestionIndex"/>, kept beside every write.
/// </summary>
public sealed class IngestionStore(IngestStorage storage)
{
    private const int MaxAttempts = 5;

    /// <summary>Table Storage takes at most 15 discrete comparisons in one filter.</summary>
    private const int MaxComparisonsPerFilter = 15;

    private readonly IngestionIndex _index = new(storage);

    private TableClient Table => storage.IngestionsTable;

    public async Task<IngestionRecord?> GetAsync(string blobName, CancellationToken cancellationToken = default) =>
        (await ReadAsync(blobName, cancellationToken)).Record;

    /// <summary>The blob's record as it stands (null when it has none), with the ETag a later <see cref="UpdateAsync(string, Func{IngestionRecord?, IngestionRecord?}, IngestionRead, CancellationToken)"/> can write under.</summary>
    public async Task<IngestionRead> ReadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var row = await ReadRowAsync(blobName, cancellationToken);
        return row is null ? IngestionRead.None : new IngestionRead(Read(row), row.ETag) { IsUnderOldKey = row.RowKey == RowKeyLayout.OldRecordRowKey };
    }

    /// <summary>
    /// Applies <paramref name="update"/> to the blob's record. It gets the current record (or null) and returns the
    /// new one, or null to leave it as it is. Returns what is stored afterwards.
    /// </summary>
    public async Task<IngestionRecord?> UpdateAsync(string blobName, Func<IngestionRecord?, IngestionRecord?> update, CancellationToken cancellationToken = default) =>
        (await UpdateAsync(blobName, update, known: null, cancellationToken)).Record;

    /// <summary>
    /// As <see cref="UpdateAsync(string, Func{IngestionRecord?, IngestionRecord?}, CancellationToken)"/>, starting from
    /// <paramref name="known"/> (what an earlier read or write of this record returned) instead of reading it first: the
    /// write is made under its ETag, so a record that changed since is read again and the update applied to it. Returns
    /// what is stored afterwards, with the ETag the next update can start from.
    /// </summary>
    public async Task<IngestionRead> UpdateAsync(string blobName, Func<IngestionRecord?, IngestionRecord?> update, IngestionRead? known, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var read = attempt == 1 && known is not null ? known : await ReadAsync(blobName, cancellationToken);
            var current = read.Record;
            var next = update(current);
            if (next is null)
            {
                return read;
            }

            if (current?.BlobVersion is { } stored && next.BlobVersion is { } incoming && incoming.LastModified < stored.LastModified)
            {
                // A run over older content finishing late never overwrites what a newer run recorded.
                return read;
            }

            var entity = Write(blobName, next);
            // The index rows first: a record is never missing from the index, at worst the index names a state it left.
            await _index.AddAsync(next, current, cancellationToken);
            ETag? written;
            try
            {
                written = read.IsUnderOldKey
                    ? await MoveAsync(entity, read.ETag!.Value, cancellationToken)
                    : (await storage.Resilience.ExecuteAsync(
                        async ct => read.ETag is not { } etag
                            ? await Table.AddEntityAsync(entity, ct)
                            : await Table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, ct),
                        cancellationToken)).Headers.ETag;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 || (read.IsUnderOldKey && exception.Status == 404))
            {
                // Someone else recorded (or moved the old row) in between: apply the update to what they wrote.
                await ForgetAsync(next, current, cancellationToken);
                continue;
            }

            await ForgetAsync(current, next, cancellationToken);
            return written is { } writtenETag ? new IngestionRead(next, writtenETag) : await ReadAsync(blobName, cancellationToken);
        }

        throw new StorageConflictException($"The ingestion record of blob '{blobName}' kept changing under {MaxAttempts} attempts.");
    }

    /// <summary>One page of records with the given status, newest first: a page of the status's index rows and the records they name.</summary>
    public Task<(IReadOnlyList<IngestionRecord> Items, string? ContinuationToken)> ListByStatusAsync(string status, int top, string? continuationToken, CancellationToken cancellationToken = default) =>
        ListIndexedAsync(TableClient.CreateQueryFilter($"PartitionKey eq {IngestionIndex.StatusPartition(status)}"), top, continuationToken, cancellationToken);

    /// <summary>One page of every record, the latest run begun first (<see cref="IngestionRecord.ListedAt"/>): a page of the recent index rows and the records they name.</summary>
    public Task<(IReadOnlyList<IngestionRecord> Items, string? ContinuationToken)> ListRecentAsync(int top, string? continuationToken, CancellationToken cancellationToken = default) =>
        ListIndexedAsync(IngestionIndex.RecentFilter, top, continuationToken, cancellationToken);

    /// <summary>
    /// Reads one page of index rows, then the records they name (one query per <see cref="MaxComparisonsPerFilter"/>),
    /// and keeps those the rows still stand for. A page may come out shorter than <paramref name="top"/> when rows were
    /// left behind; its continuation goes on past them.
    /// </summary>
    private async Task<(IReadOnlyList<IngestionRecord> Items, string? ContinuationToken)> ListIndexedAsync(string filter, int top, string? continuationToken, CancellationToken cancellationToken)
    {
        var (rows, token) = await TableReads.ReadPageAsync(storage, storage.IngestionIndexTable, filter, top, continuationToken, select: ["PartitionKey", "Blob", "Moment"], cancellationToken);
        var records = await ReadManyAsync(rows.Select(r => r.GetString("Blob") ?? "").ToList(), cancellationToken);
        var items = rows
            .Select(row => (Row: row, Record: records.GetValueOrDefault(row.GetString("Blob") ?? "")))
            .Where(pair => IngestionIndex.Matches(pair.Row, pair.Record))
            .Select(pair => pair.Record!)
            .ToList();
        return (items, token);
    }

    /// <summary>
    /// Writes <paramref name="entity"/> under its row key and removes the row under the old key, if it is still as read
    /// (<paramref name="oldETag"/>), in one transaction. Returns the new row's ETag when the service gave it.
    /// </summary>
    private async Task<ETag?> MoveAsync(TableEntity entity, ETag oldETag, CancellationToken cancellationToken)
    {
        var actions = RowKeyLayout.Move(entity, RowKeyLayout.OldRecordRowKey, oldETag);
        var responses = await storage.Resilience.ExecuteAsync(async ct => await Table.SubmitTransactionAsync(actions, ct), cancellationToken);
        return responses.Value[0].Headers.ETag;
    }

    /// <summary>The records of the named blobs that have one.</summary>
    private async Task<Dictionary<string, IngestionRecord>> ReadManyAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken) =>
        (await ReadRowsAsync(blobNames, select: null, cancellationToken)).Select(Read).ToDictionary(record => record.Blob, StringComparer.Ordinal);

    /// <summary>The record rows of the named blobs that have one: one query per <see cref="MaxComparisonsPerFilter"/> names rather than a point read each.</summary>
    private async Task<List<TableEntity>> ReadRowsAsync(IReadOnlyList<string> blobNames, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        // The keys too, however few columns are asked for: they tell the record's row from one under the old key.
        select = select is null ? null : [.. select, "PartitionKey", "RowKey"];
        foreach (var chunk in blobNames.Distinct(StringComparer.Ordinal).Chunk(MaxComparisonsPerFilter))
        {
            var filter = string.Join(" or ", chunk.Select(name => TableClient.CreateQueryFilter($"PartitionKey eq {BlobKeys.For(name)}")));
            rows.AddRange(await TableReads.ReadAllAsync(storage, Table, filter, select, cancellationToken));
        }

        // A record under both keys (an old host wrote after the move): the row under the current key is the record.
        return rows.GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .Select(rowsOfOneBlob => rowsOfOneBlob.FirstOrDefault(row => row.RowKey == RecordRowKey(row.PartitionKey)) ?? rowsOfOneBlob.First())
            .ToList();
    }

    /// <summary>Removes the index rows of a state that is not (or no longer) the record's, except those <paramref name="kept"/> stands on too. Best effort: a row left behind is told apart when read.</summary>
    private async Task ForgetAsync(IngestionRecord? state, IngestionRecord? kept, CancellationToken cancellationToken)
    {
        if (state is null)
        {
            return;
        }

        try
        {
            await _index.RemoveAsync(state, kept, cancellationToken);
        }
        catch (Exception exception) when (Ingestion.TransientFailures.Are(exception))
        {
            // Left behind: readers skip a row whose record moved on.
        }
    }

    /// <summary>Every record, read whole: for tools and tests over small tables. The sweep pages with <see cref="ReadPageAsync"/>.</summary>
    public async Task<List<IngestionRecord>> ListAllAsync(CancellationToken cancellationToken = default) =>
        (await TableReads.ReadAllAsync(storage, Table, filter: null, select: null, cancellationToken)).Where(IsRecord).Select(Read).ToList();

    /// <summary>One service page of records in key order, each with its row's ETag, and where the next page starts (null at the end).</summary>
    public async Task<(IReadOnlyList<(IngestionRecord Record, ETag RowETag)> Items, string? ContinuationToken)> ReadPageAsync(
        string? continuationToken, int top, CancellationToken cancellationToken = default)
    {
        var (rows, next) = await TableReads.ReadServicePageAsync(storage, Table, filter: null, top, continuationToken, select: null, cancellationToken);
        return (rows.Where(IsRecord).Select(row => (Read(row), row.ETag)).ToList(), next);
    }

    /// <summary>The blob ETag each named blob's record holds (null when it has none).</summary>
    public async Task<Dictionary<string, string?>> RecordedETagsAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken = default)
    {
        var recorded = blobNames.Distinct(StringComparer.Ordinal).ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
        foreach (var row in await ReadRowsAsync(recorded.Keys.ToList(), ["Blob", "BlobETag"], cancellationToken))
        {
            if (row.GetString("Blob") is { } blob && recorded.ContainsKey(blob))
            {
                recorded[blob] = row.GetString("BlobETag");
            }
        }

        return recorded;
    }

    /// <summary>Removes the blob's record if it is still the row read as <paramref name="ifMatch"/> (any row for <see cref="ETag.All"/>); false when it changed since.</summary>
    public async Task<bool> DeleteAsync(string blobName, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        var key = BlobKeys.For(blobName);
        var row = await ReadRowAsync(blobName, cancellationToken);
        var rowKey = row?.RowKey ?? RecordRowKey(key);
        try
        {
            await storage.Resilience.ExecuteAsync(async ct => await Table.DeleteEntityAsync(key, rowKey, ifMatch, ct), cancellationToken);
            await ForgetAsync(row is null ? null : Read(row), null, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return true;
        }
    }

    /// <summary>Removes the blob's record. Gone already is done: a retry of a delete whose answer was lost meets 404.</summary>
    public Task DeleteAsync(string blobName, CancellationToken cancellationToken = default) => DeleteAsync(blobName, ETag.All, cancellationToken);

    /// <summary>The blob's record row: under its row key, or, in a store that may hold old keys, under the old one.</summary>
    private async Task<TableEntity?> ReadRowAsync(string blobName, CancellationToken cancellationToken)
    {
        var key = BlobKeys.For(blobName);
        return await RowKeyLayout.PointReadAsync(storage, Table, key, RecordRowKey(key), RowKeyLayout.OldRecordRowKey, cancellationToken);
    }

    /// <summary>A record's row key: its partition key, unique across the table (<see cref="RowKeyLayout"/>).</summary>
    internal static string RecordRowKey(string partitionKey) => partitionKey;

    private static bool IsRecord(TableEntity row) => !RowKeyLayout.IsMarker(row);

    private static TableEntity Write(string blobName, IngestionRecord record)
    {
        var key = BlobKeys.For(blobName);
        return new TableEntity(key, RecordRowKey(key))
        {
            ["Blob"] = record.Blob,
            ["Status"] = record.Status,
            ["ArticleIds"] = JsonSerializer.Serialize(record.ArticleIds.ToList(), StorageJson.Context.ListString),
            ["Attempts"] = record.Attempts,
            ["ErrorCode"] = record.ErrorCode,
            ["ErrorMessage"] = record.ErrorMessage,
            ["BlobETag"] = record.BlobVersion?.ETag,
            ["BlobLastModified"] = record.BlobVersion?.LastModified,
            ["UpdatedAt"] = record.UpdatedAt,
            ["ReprocessToken"] = record.ReprocessToken,
            ["RunStartedAt"] = record.RunStartedAt,
        };
    }

    private static IngestionRecord Read(TableEntity row) => new(
        row.GetString("Blob") ?? "",
        row.GetString("Status") ?? "",
        JsonSerializer.Deserialize(row.GetString("ArticleIds") ?? "[]", StorageJson.Context.ListString) ?? [],
        row.GetInt32("Attempts") ?? 0,
        row.GetString("ErrorCode"),
        row.GetString("ErrorMessage"),
        row.GetString("BlobETag") is { } etag ? new BlobVersion(etag, row.GetDateTimeOffset("BlobLastModified") ?? DateTimeOffset.MinValue) : null,
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        row.GetString("ReprocessToken"),
        row.GetDateTimeOffset("RunStartedAt"));
}

/// <summary>A blob's ingestion record as read or written (null when it has none) and the row's ETag (null when there is no row).</summary>
public sealed record IngestionRead(IngestionRecord? Record, ETag? ETag)
{
    /// <summary>The row read is under the old layout's key (<see cref="RowKeyLayout"/>): the next write moves it.</summary>
    internal bool IsUnderOldKey { get; init; }

    public static IngestionRead None { get; } = new(null, null);
}
