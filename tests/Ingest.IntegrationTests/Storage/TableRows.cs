using Azure.Data.Tables;

namespace Ingest.IntegrationTests.Storage;

/// <summary>A table's rows as stored, read straight from it: what the storage tests check the stores' writes against.</summary>
internal static class TableRows
{
    /// <summary>Every row of the table, or of one partition of it.</summary>
    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string? partitionKey)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(partitionKey is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
