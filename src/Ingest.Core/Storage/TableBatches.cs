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

    /// <summary>
    /// A generous estimate of an entity on the wire, where the SDK writes JSON with its default escaping: ASCII letters,
    /// digits and plain punctuation take a byte; everything else (non-ASCII text, quotes, HTML-sensitive characters,
    /// controls) is sent as a six-byte <c>\uXXXX</c> escape. Non-ASCII text is thus three times its in-memory size.
    /// </summary>
    public static long EstimateBytes(ITableEntity entity)
    {
        var bytes = WireBytes(entity.PartitionKey) + WireBytes(entity.RowKey) + 128;
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += WireBytes(name) + 64 + (value is string text ? WireBytes(text) : 32);
            }
        }

        return bytes;
    }

    public static long WireBytes(string text)
    {
        long bytes = 0;
        foreach (var c in text)
        {
            bytes += c is >= ' ' and <= '~' and not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`') ? 1 : 6;
        }

        return bytes;
    }
}
