using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// Cuts a list of table actions, in order, into entity-group transactions within the service's
/// limits: at most 100 entities and 4 MiB a transaction (kept under 3.5 MiB here, leaving room
/// for the request's own framing).
/// </summary>
internal static class TableBatches
{
    public const int MaxActions = 100;
    public const long MaxBytes = 3_500_000;

    public static IEnumerable<List<TableTransactionAction>> Split(IEnumerable<TableTransactionAction> actions)
    {
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = EstimateBytes(action.Entity);
            if (batch.Count == MaxActions || (batch.Count > 0 && bytes + size > MaxBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>A generous estimate of an entity on the wire: strings as UTF-16, every value with its name.</summary>
    public static long EstimateBytes(ITableEntity entity)
    {
        long bytes = 2 * (entity.PartitionKey.Length + entity.RowKey.Length) + 64;
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += (2 * name.Length) + 16 + (value is string text ? 2L * text.Length : 16);
            }
        }

        return bytes;
    }
}
