using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// Index rows beside the Ingestions table, so that listing records by status, or newest first, reads one page of
/// index rows and the records they name, never the whole table:
/// <list type="bullet">
/// <item>partition <c>status-{status}</c>: the records with that status, by the time of their last change;</item>
/// <item>partition <c>recent-{day, counting down}</c>: every record, by its <see cref="IngestionRecord.ListedAt"/> (when
/// its latest run began), so a run's outcome keeps the row its <c>processing</c> state wrote.</item>
/// </list>
/// Row keys are <c>{moment, counting down}-{blob key}</c>, so a range reads newest first. A record's rows are written
/// before the record and removed after it moves on, so the index never lacks a record; a row left behind (a crash
/// between the two, a lost race) is told apart by its moment and status, which no longer match the record's.
/// </summary>
public sealed class IngestionIndex(IngestStorage storage)
{
    private const string StatusPrefix = "status-";
    private const string RecentPrefix = "recent-";

    private TableClient Table => storage.IngestionIndexTable;

    public static string StatusPartition(string status) => StatusPrefix + status;

    /// <summary>The filter of the recent feed: every <c>recent-</c> partition, newest day first.</summary>
    public static string RecentFilter => TableClient.CreateQueryFilter($"PartitionKey ge {RecentPrefix} and PartitionKey lt {"recent."}");

    /// <summary>The moment a row stands for, as the record keeps it: to the millisecond, as every table service stores times.</summary>
    public static long Moment(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMillisecond;

    /// <summary>Writes the record's rows that <paramref name="existing"/> (the record it replaces) has not written already.</summary>
    public Task AddAsync(IngestionRecord record, IngestionRecord? existing, CancellationToken cancellationToken) =>
        Task.WhenAll(RowsOnlyOf(record, existing).Select(row => storage.Resilience.ExecuteAsync(
            async ct => await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct), cancellationToken).AsTask()));

    /// <summary>
    /// Removes the rows of <paramref name="record"/> that <paramref name="kept"/> does not stand on too; rows already gone
    /// are fine (a retry whose first answer was lost meets 404).
    /// </summary>
    public Task RemoveAsync(IngestionRecord record, IngestionRecord? kept, CancellationToken cancellationToken) =>
        Task.WhenAll(RowsOnlyOf(record, kept).Select(row => storage.Resilience.ExecuteAsync(
            async ct =>
            {
                try
                {
                    await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
                }
                catch (RequestFailedException exception) when (exception.Status == 404)
                {
                    // Gone already.
                }
            },
            cancellationToken).AsTask()));

    /// <summary>Whether an index row still stands for <paramref name="record"/> as it is now.</summary>
    public static bool Matches(TableEntity row, IngestionRecord? record) =>
        record is not null
        && (row.PartitionKey.StartsWith(StatusPrefix, StringComparison.Ordinal)
            ? row.PartitionKey == StatusPartition(record.Status) && row.GetInt64("Moment") == Moment(record.UpdatedAt)
            : row.GetInt64("Moment") == Moment(record.ListedAt));

    /// <summary>The rows of <paramref name="record"/> that <paramref name="other"/> does not have (all of them when it is null).</summary>
    private static IEnumerable<TableEntity> RowsOnlyOf(IngestionRecord record, IngestionRecord? other)
    {
        var others = other is null ? [] : Rows(other).Select(row => (row.PartitionKey, row.RowKey)).ToHashSet();
        return Rows(record).Where(row => !others.Contains((row.PartitionKey, row.RowKey)));
    }

    private static IEnumerable<TableEntity> Rows(IngestionRecord record)
    {
        yield return Row(StatusPartition(record.Status), record, record.UpdatedAt);
        yield return Row(RecentPrefix + CatalogKeys.DateKey(DateOnly.FromDateTime(record.ListedAt.UtcDateTime)), record, record.ListedAt);
    }

    private static TableEntity Row(string partition, IngestionRecord record, DateTimeOffset at)
    {
        var moment = Moment(at);
        var rowKey = (long.MaxValue - moment).ToString("D19", CultureInfo.InvariantCulture) + "-" + BlobKeys.For(record.Blob);
        return new TableEntity(partition, rowKey) { ["Blob"] = record.Blob, ["Moment"] = moment };
    }
}
