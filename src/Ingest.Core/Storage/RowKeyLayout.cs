using Azure;
using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// Which row keys a blob's ingestion record and an article's sections head are stored under. Since this layout a
/// record's row key is its partition key (<see cref="IngestionStore"/>) and a head's is <c>head|{article id}</c>
/// (<see cref="SectionRows.HeadRowKey"/>); before it, every record was <c>""</c> and every head <c>head</c>. Azure indexes
/// partition and row key together and never minded; Azurite finds a row by its row key first and then compares
/// partition keys one by one, so a key shared by every partition made each record read and head insert walk them all —
/// a third of the emulator's time in a 5,000-file burst (docs/performance.md).
/// <para>
/// A store is told apart at start (<see cref="DetectAsync"/>): one marked by this layout, or one with no records and no
/// sections yet (which is then marked), holds no old keys. Any other store may: its reads look for a row under the old
/// key when the new one is missing, and each write that meets an old row moves it, in one transaction within its
/// partition. <see cref="RowKeyMigration"/> moves them all and marks the store. Hosts of a version before this layout
/// should not run beside this one: an old host, finding no record under the old key once it has been moved, writes one
/// there again, and this version reads the one under the new key until the blob's next run; after the store is marked
/// no host of this version looks at the old key at all.
/// </para>
/// </summary>
internal static class RowKeyLayout
{
    /// <summary>The marker's partition: past every blob key (<see cref="BlobKeys"/> makes <c>[a-z0-9-]</c> only).</summary>
    internal const string MarkerPartition = "~layout";

    internal const string MarkerRow = "row-keys";

    /// <summary>The row key every ingestion record had before this layout.</summary>
    internal const string OldRecordRowKey = "";

    /// <summary>A row under <paramref name="rowKey"/>, or, in a store that may hold old keys, under <paramref name="oldRowKey"/> (null when neither).</summary>
    internal static async Task<TableEntity?> PointReadAsync(IngestStorage storage, TableClient table, string partitionKey, string rowKey, string oldRowKey, CancellationToken cancellationToken) =>
        await TableReads.PointReadAsync(storage, table, partitionKey, rowKey, cancellationToken)
        ?? (storage.MayHoldOldRowKeys ? await TableReads.PointReadAsync(storage, table, partitionKey, oldRowKey, cancellationToken) : null);

    /// <summary>
    /// The two actions that move a row within its partition, for one transaction: <paramref name="moved"/> added under its
    /// (new) key, then the row under <paramref name="oldRowKey"/> deleted if it is still as read (<paramref name="oldETag"/>).
    /// Added first, so that a list of actions cut into several transactions never leaves the row under neither key.
    /// </summary>
    internal static TableTransactionAction[] Move(TableEntity moved, string oldRowKey, ETag oldETag) =>
    [
        new(TableTransactionActionType.Add, moved),
        new(TableTransactionActionType.Delete, new TableEntity(moved.PartitionKey, oldRowKey), oldETag),
    ];

    /// <summary>Whether a row of the Ingestions table is the layout marker rather than a record.</summary>
    internal static bool IsMarker(TableEntity row) => row.PartitionKey == MarkerPartition;

    /// <summary>
    /// Whether the store may hold rows under the old keys: false when it is marked, or when it holds no records and no
    /// sections at all (it is marked then, so the answer stays the same once rows are written).
    /// </summary>
    internal static async Task<bool> DetectAsync(IngestStorage storage, CancellationToken cancellationToken)
    {
        if (await IsMarkedAsync(storage, cancellationToken))
        {
            return false;
        }

        if (!await IsEmptyAsync(storage, storage.IngestionsTable, cancellationToken) || !await IsEmptyAsync(storage, storage.SectionsTable, cancellationToken))
        {
            // Rows, and no marker when we looked: unless another host starting on the same fresh tables marked them
            // (a host marks before it writes anything) and wrote the rows we found since.
            return !await IsMarkedAsync(storage, cancellationToken);
        }

        await MarkAsync(storage, cancellationToken);
        return false;
    }

    private static async Task<bool> IsMarkedAsync(IngestStorage storage, CancellationToken cancellationToken) =>
        await TableReads.PointReadAsync(storage, storage.IngestionsTable, MarkerPartition, MarkerRow, cancellationToken) is not null;

    /// <summary>Records that the store holds no rows under the old keys.</summary>
    internal static async Task MarkAsync(IngestStorage storage, CancellationToken cancellationToken) =>
        await storage.Resilience.ExecuteAsync(
            async ct => await storage.IngestionsTable.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["MarkedAt"] = DateTimeOffset.UtcNow }, TableUpdateMode.Replace, ct),
            cancellationToken);

    /// <summary>An empty first page that says more may follow counts as not empty: the answer errs toward looking for old keys.</summary>
    private static async Task<bool> IsEmptyAsync(IngestStorage storage, TableClient table, CancellationToken cancellationToken)
    {
        var (rows, next) = await TableReads.ReadServicePageAsync(storage, table, filter: null, top: 1, continuationToken: null, select: ["PartitionKey"], cancellationToken);
        return rows.Count == 0 && next is null;
    }
}
