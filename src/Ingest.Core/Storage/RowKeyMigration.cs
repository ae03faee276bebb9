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

    /// <summary>Rows read and moved at a time: a store of any size is migrated in bounded memory.</summary>
    private const int PageSize = 1_000;

    /// <summary>Moves the rows and marks the store; returns how many records and heads were moved.</summary>
    public static async Task<(int Records, int Heads)> RunAsync(IngestStorage storage, CancellationToken cancellationToken = default)
    {
        var (records, heads) = (0, 0);
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var (recordsFound, recordsMoved) = await MoveAllAsync(storage, storage.IngestionsTable, RowKeyLayout.OldRecordRowKey, IngestionStore.RecordRowKey, cancellationToken);
            var (headsFound, headsMoved) = await MoveAllAsync(storage, storage.SectionsTable, SectionRows.OldHeadRowKey, SectionRows.HeadRowKey, cancellationToken);
            (records, heads) = (records + recordsMoved, heads + headsMoved);
            if (recordsFound == 0 && headsFound == 0)
            {
                await RowKeyLayout.MarkAsync(storage, cancellationToken);
                storage.MayHoldOldRowKeys = false;
                return (records, heads);
            }
        }

        throw new StorageConflictException($"Rows under old row keys were still being written after {MaxPasses} passes: is a host of an earlier version running?");
    }

    /// <summary>
    /// One pass over every row of the table under <paramref name="oldRowKey"/>, in any partition (a scan), a page at a time:
    /// each moved to <paramref name="newRowKey"/> of its partition key. Returns how many were found and how many moved.
    /// </summary>
    private static async Task<(int Found, int Moved)> MoveAllAsync(IngestStorage storage, TableClient table, string oldRowKey, Func<string, string> newRowKey, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {oldRowKey}");
        var (found, moved) = (0, 0);
        string? continuation = null;
        do
        {
            (var rows, continuation) = await TableReads.ReadServicePageAsync(storage, table, filter, PageSize, continuation, select: null, cancellationToken);
            found += rows.Count;
            foreach (var row in rows)
            {
                moved += await MoveAsync(storage, table, row, newRowKey(row.PartitionKey), cancellationToken) ? 1 : 0;
            }
        }
        while (continuation is not null);

        return (found, moved);
    }

    /// <summary>Moves one row; false when the new key held a row already (the old one is then deleted) or the row changed since it was read.</summary>
    private static async Task<bool> MoveAsync(IngestStorage storage, TableClient table, TableEntity row, string newRowKey, CancellationToken cancellationToken)
    {
        var moved = new TableEntity(row) { PartitionKey = row.PartitionKey, RowKey = newRowKey };
        moved.Remove("odata.etag"); // The service's own properties, copied with the row's: not written back.
        moved.Remove("Timestamp");
        var actions = RowKeyLayout.Move(moved, row.RowKey, row.ETag);
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
        catch (RequestFailedException exception) when (IsConflict(exception))
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
        catch (RequestFailedException exception) when (IsConflict(exception))
        {
            // Changed or gone since: the next pass reads it again if it is still there.
        }
    }

    /// <summary>A row the move adds exists (409), one it deletes changed (412) or is gone (404).</summary>
    private static bool IsConflict(RequestFailedException exception) => exception.Status is 404 or 409 or 412;
}
