using Ingest.Core.Composition;

namespace Ingest.Host.Development;

/// <summary>
/// Makes <c>dotnet run --project src/Ingest.Host</c> work on a fresh machine: in Development, when the connection
/// string is <c>UseDevelopmentStorage=true</c> and nothing listens on Azurite's ports, it starts Azurite from the
/// repository with its data under <c>.azurite/</c>. With a real connection string it starts nothing.
/// </summary>
internal static class EmbeddedAzurite
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";
    private static readonly (int Blob, int Queue, int Table) DefaultPorts = (10000, 10001, 10002);

    public static bool UsesDevelopmentStorage(IConfiguration configuration) =>
        string.Equals(configuration[IngestOptions.StorageConnectionSetting]?.Trim().TrimEnd(';'), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);

    public static async Task<LocalAzurite?> StartIfNeededAsync(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || !UsesDevelopmentStorage(configuration))
        {
            return null;
        }

        if (LocalAzurite.IsListening(DefaultPorts.Blob))
        {
            Console.WriteLine($"Using the storage emulator already listening on 127.0.0.1:{DefaultPorts.Blob}.");
            return null;
        }

        var root = RepositoryRoot.Find()
            ?? throw new InvalidOperationException("Run the host from the Ingest repository (no Ingest.sln found above the current folder), or set AzureWebJobsStorage to a real storage account.");
        Console.WriteLine("Starting Azurite from the repository (data in .azurite/)...");
        return await LocalAzurite.StartAsync(root, Path.Combine(root, ".azurite"), DefaultPorts);
    }
}
