using Azure;
using Ingest.Core.Storage;
using Microsoft.Extensions.Options;

namespace Ingest.Host;

/// <summary>
/// <c>dotnet Ingest.Host.dll migrate-row-keys</c> (or <c>dotnet run --project src/Ingest.Host -- migrate-row-keys</c>):
/// moves the rows a store written by an earlier version holds under the old row keys and marks it
/// (<see cref="RowKeyMigration"/>), with the host's own configuration, then exits. Run it once every host runs this
/// version; until then hosts read such stores correctly, at one more read for each row they find missing.
/// </summary>
internal static class RowKeyMigrationCommand
{
    public static bool IsRequested(string[] args) => args is ["migrate-row-keys", ..];

    /// <summary>Runs the migration; exit code 0 when the store is marked, 1 with the reason on standard error when not.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            return await MigrateAsync(services.GetRequiredService<IngestStorage>(), cancellationToken);
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException or StorageConflictException or RequestFailedException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"The row keys were not migrated: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(IngestStorage storage, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        if (!storage.MayHoldOldRowKeys)
        {
            Console.WriteLine("The store holds no rows under old row keys: nothing to move.");
            return 0;
        }

        var (records, heads) = await RowKeyMigration.RunAsync(storage, cancellationToken);
        Console.WriteLine($"Moved {records} ingestion records and {heads} sections heads to their new row keys; the store is marked.");
        return 0;
    }
}
