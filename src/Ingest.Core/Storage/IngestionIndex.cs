using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// Index rows beside the Ingestions table, so that listing records by status, or newest first, reads one page of
/// index rows and the records they name, never the whole table:
/// <list type="bullet">
/// <item>partition <c>status-{status}</c>: the records with that status;</item>
/// <item>partition <c>recent-{day, counting down}</c>: every record, by the day of its last change.</item>
/// </list>
/// Row keys are <c>{time of the change, counting down}-{blob key}</c>, so a range reads newest first. A record's rows
/// are written before the record and removed after it moves on, so the index never lacks a record; a row left behind
/// (a crash between the two, a lost race) is told apart by its time and status, which no longer match the record's.
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

    /// <summary>Writes the record's rows (again, harmlessly, when they exist).</summary>
    public Task AddAsync(IngestionRecord record, CancellationToken cancellationToken) =>
        Task.WhenAll(Rows(record).Select(row => storage.Resilience.ExecuteAsync(
            async ct => await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct), cancellationToken).AsTask()));

    /// <summary>Removes the record's rows; rows already gone are fine (a retry whose first answer was lost meets 404).</summary>
    public Task RemoveAsync(IngestionRecord record, CancellationToken cancellationToken) =>
        Task.WhenAll(Rows(record).Select(row => storage.Resilience.ExecuteAsync(
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

    /// <summary>Whether both of <paramref name="record"/>'s rows are the same as <paramref name="other"/>'s.</summary>
    public static bool SameRows(IngestionRecord record, IngestionRecord other) =>
        record.Status == other.Status && Moment(record.UpdatedAt) == Moment(other.UpdatedAt) && record.Blob == other.Blob;

    /// <summary>Whether an index row still stands for <paramref name="record"/> as it is now.</summary>
    public static bool Matches(TableEntity row, IngestionRecord? record) =>
        record is not null
        && row.GetInt64("Moment") == Moment(record.UpdatedAt)
        && (!row.PartitionKey.StartsWith(StatusPrefix, StringComparison.Ordinal) || row.PartitionKey == StatusPartition(record.Status));

    private static IEnumerable<TableEntity> Rows(IngestionRecord record)
    {
        var moment = Moment(record.UpdatedAt);
        var rowKey = (long.MaxValue - moment).ToString("D19", CultureInfo.InvariantCulture) + "-" + BlobKeys.For(record.Blob);
        var dayKey = CatalogKeys.DateKey(DateOnly.FromDateTime(record.UpdatedAt.UtcDateTime));
        foreach (var partition in (string[])[StatusPartition(record.Status), RecentPrefix + dayKey])
        {
            yield return new TableEntity(partition, rowKey) { ["Blob"] = record.Blob, ["Moment"] = moment };
        }
    }
}
