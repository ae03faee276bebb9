using Azure;
using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>The reads both stores make, each through the resilience pipeline.</summary>
internal static class TableReads
{
    public static async Task<TableEntity?> PointReadAsync(IngestStorage storage, TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await storage.Resilience.ExecuteAsync(
            async ct => await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct),
            cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Reads one API page from a table query. A service page holds at most 1,000 entities and may be short or even
    /// empty while more follow, so this follows the service's continuation until the API page is full or the query
    /// ends, never asking for more than it still needs: the continuation it returns points just past the last row.
    /// </summary>
    public static async Task<(List<TableEntity> Rows, string? ContinuationToken)> ReadPageAsync(
        IngestStorage storage,
        TableClient table,
        string filter,
        int top,
        string? continuationToken,
        IEnumerable<string>? select,
        CancellationToken cancellationToken)
    {
        var query = table.Name + "|" + filter;
        if (!storage.ContinuationTokens.TryDecode(continuationToken, query, out var token))
        {
            throw new ArgumentException("The continuation token is not one this service issued.", nameof(continuationToken));
        }

        (var rows, token) = await ReadUpToAsync(storage, table, filter, top, token, select, cancellationToken);
        return (rows, storage.ContinuationTokens.Encode(token, query));
    }

    /// <summary>
    /// One API page of the row-key range <paramref name="range"/> (from inclusive, to exclusive) read in every one of
    /// <paramref name="partitions"/> at once and merged in row-key order; the keys must be unique across the partitions.
    /// Each partition is asked for at most a page. The continuation is the last row key returned (signed): the next
    /// page reads every partition from just past it.
    /// </summary>
    public static async Task<(List<TableEntity> Rows, string? ContinuationToken)> ReadMergedPageAsync(
        IngestStorage storage,
        TableClient table,
        IReadOnlyList<string> partitions,
        (string From, string To) range,
        int top,
        string? continuationToken,
        IEnumerable<string>? select,
        CancellationToken cancellationToken)
    {
        var query = $"{table.Name}|merged|{range.From}|{range.To}";
        if (!storage.ContinuationTokens.TryDecode(continuationToken, query, out var after))
        {
            throw new ArgumentException("The continuation token is not one this service issued.", nameof(continuationToken));
        }

        var pages = await Task.WhenAll(partitions.Select(partition =>
        {
            var filter = after is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {range.From} and RowKey lt {range.To}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {range.To}");
            return ReadUpToAsync(storage, table, filter, top, continuationToken: null, select, cancellationToken);
        }));

        var merged = pages.SelectMany(page => page.Rows).OrderBy(row => row.RowKey, StringComparer.Ordinal).ToList();
        var more = merged.Count > top || pages.Any(page => page.ContinuationToken is not null);
        var rows = merged.Take(top).ToList();
        return (rows, more ? storage.ContinuationTokens.Encode(rows[^1].RowKey, query) : null);
    }

    /// <summary>One service page of a query, at most <paramref name="top"/> rows, with the service's own continuation (null at the end).</summary>
    public static async Task<(IReadOnlyList<TableEntity> Rows, string? ContinuationToken)> ReadServicePageAsync(
        IngestStorage storage, TableClient table, string? filter, int top, string? continuationToken, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var page = await storage.Resilience.ExecuteAsync(
            async ct => await FirstPageAsync(table.QueryAsync<TableEntity>(filter, top, select, ct), continuationToken),
            cancellationToken);
        return (page.Values, page.ContinuationToken);
    }

    /// <summary>Follows a query's service pages until <paramref name="top"/> rows or its end; the service's continuation is null at the end.</summary>
    private static async Task<(List<TableEntity> Rows, string? ContinuationToken)> ReadUpToAsync(
        IngestStorage storage, TableClient table, string filter, int top, string? continuationToken, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>(top);
        do
        {
            (var page, continuationToken) = await ReadServicePageAsync(storage, table, filter, top - rows.Count, continuationToken, select, cancellationToken);
            rows.AddRange(page);
        }
        while (continuationToken is not null && rows.Count < top);

        return (rows, continuationToken);
    }

    /// <summary>Every entity a query gives, across all its service pages.</summary>
    public static async Task<List<TableEntity>> ReadAllAsync(IngestStorage storage, TableClient table, string? filter, IEnumerable<string>? select, CancellationToken cancellationToken) =>
        await storage.Resilience.ExecuteAsync(
            async ct =>
            {
                var rows = new List<TableEntity>();
                await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: ct))
                {
                    rows.Add(row);
                }

                return rows;
            },
            cancellationToken);

    private static async Task<Page<TableEntity>> FirstPageAsync(AsyncPageable<TableEntity> pageable, string? continuationToken)
    {
        await foreach (var page in pageable.AsPages(continuationToken))
        {
            return page;
        }

        return Page<TableEntity>.FromValues([], null, null!);
    }
}
