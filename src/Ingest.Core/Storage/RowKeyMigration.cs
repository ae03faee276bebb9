using Azure;
using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// Moves every row a store holds under the old layout's row keys (<see cref="RowKeyLayout"/>) to its new key, then
/// marks the store so that no host looks for old keys again. Each move is one transaction within the row's partition:
/// the row under its new key added, the old one deleted if it is still as read. Where the new key holds a row already
/// (written by this version after the old one), that row is the current one and the old row is only deleted. Rows
/// that change while the migration runs are met again by its next pass; it stops when a pass finds none left.
/// Run it once every host runs this version: a host of the version before would go on writing old keys.
/// </summary>
public static class RowKeyMigration
{
    private const int MaxPasses = 5;

    /// <summary>Moves the rows and marks the store; returns how many records and heads were moved.</summary>
    public static async Task<(int Records, int Heads)> RunAsync(IngestStorage storage, CancellationToken cancellationToken = default)
    {
        var (records, heads) = (0, 0);
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var oldRecords = await ReadAsync(storage, storage.IngestionsTable, RowKeyLayout.OldRecordRowKey, cancellationToken);
            var oldHeads = await ReadAsync(storage, storage.SectionsTable, SectionRows.OldHeadRowKey, cancellationToken);
            if (oldRecords.Count == 0 && oldHeads.Count == 0)
            {
                await RowKeyLayout.MarkAsync(storage, cancellationToken);
                storage.MayHoldOldRowKeys = false;
                return (records, heads);
            }

            foreach (var row in oldRecords)
            {
                records += await MoveAsync(storage, storage.IngestionsTable, row, IngestionStore.RecordRowKey(row.PartitionKey), cancellationToken) ? 1 : 0;
            }

            foreach (var row in oldHeads)
            {
                heads += await MoveAsync(storage, storage.SectionsTable, row, SectionRows.HeadRowKey(row.PartitionKey), cancellationToken) ? 1 : 0;
            }
        }

        throw new StorageConflictException($"Rows under old row keys were still being written after {MaxPasses} passes: is a host of an earlier version running?");
    }

    /// <summary>Every row of the table under <paramref name="oldRowKey"/>, in any partition: a scan, once.</summary>
    private static Task<List<TableEntity>> ReadAsync(IngestStorage storage, TableClient table, string oldRowKey, CancellationToken cancellationToken) =>
        TableReads.ReadAllAsync(storage, table, TableClient.CreateQueryFilter($"RowKey eq {oldRowKey}"), select: null, cancellationToken);

    /// <summary>Moves one row; false when the new key held a row already (the old one is then deleted) or the row changed since it was read.</summary>
    private static async Task<bool> MoveAsync(IngestStorage storage, TableClient table, TableEntity row, string newRowKey, CancellationToken cancellationToken)
    {
        var moved = new TableEntity(row) { PartitionKey = row.PartitionKey, RowKey = newRowKey };
        moved.Remove("odata.etag");
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, moved),
            new(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag),
        ];
        try
        {
            await storage.Resilience.ExecuteAsync(async ct => await table.SubmitTransactionAsync(actions, ct), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            await DeleteIfUnchangedAsync(storage, table, row, cancellationToken);
            return false;
        }
        catch (RequestFailedException exception) when (RowKeyLayout.IsConflict(exception))
        {
            // Changed or gone since it was read: the next pass reads it again if it is still there.
            return false;
        }
    }

    private static async Task DeleteIfUnchangedAsync(IngestStorage storage, TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Resilience.ExecuteAsync(async ct => await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct), cancellationToken);
        }
        catch (RequestFailedException exception) when (RowKeyLayout.IsConflict(exception))
        {
            // Changed or gone since: the next pass reads it again if it is still there.
        }
    }
}
