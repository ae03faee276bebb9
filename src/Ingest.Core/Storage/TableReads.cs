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

        var rows = new List<TableEntity>(top);
        do
        {
            (var page, token) = await ReadServicePageAsync(storage, table, filter, top - rows.Count, token, select, cancellationToken);
            rows.AddRange(page);
        }
        while (token is not null && rows.Count < top);

        return (rows, storage.ContinuationTokens.Encode(token, query));
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
