using Azure.Core;
using Ingest.Core.Composition;
using Ingest.Core.Storage;
using Ingest.Host.Development;

namespace Ingest.IntegrationTests.Azurite;

/// <summary>
/// One real Azurite for the whole test run: the repository's pinned package, on free ports, in memory, stopped at
/// the end. Each test gets its own container and tables (<see cref="NewOptions"/>), so tests never see each other's data.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private LocalAzurite? _azurite;

    public string ConnectionString => (_azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("The tests run inside the Ingest repository.");
        _azurite = await LocalAzurite.StartAsync(root, dataFolder: null, ports: (0, 0, 0));
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Options naming a container, tables and an events queue no other test uses.</summary>
    public static IngestOptions NewOptions()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        return new IngestOptions
        {
            ArticlesContainer = "articles-" + suffix,
            ArticlesTable = "Articles" + suffix,
            SectionsTable = "Sections" + suffix,
            IngestionsTable = "Ingestions" + suffix,
            IngestionIndexTable = "IngestionIndex" + suffix,
            ArticleEventsQueue = "article-events-" + suffix,
            StorageRetries = 2,
            StorageRetryDelay = TimeSpan.FromMilliseconds(50),
        };
    }

    /// <summary>Storage on this Azurite with fresh names, created, optionally with a policy on every client.</summary>
    public Task<IngestStorage> NewStorageAsync(Action<ClientOptions>? configureClient = null) => NewStorageAsync(NewOptions(), configureClient);

    /// <summary>Storage on this Azurite with the given names, created, optionally with a policy on every client.</summary>
    public async Task<IngestStorage> NewStorageAsync(IngestOptions options, Action<ClientOptions>? configureClient = null)
    {
        var storage = new IngestStorage(ConnectionString, options, configureClient);
        await storage.EnsureCreatedAsync();
        return storage;
    }

    /// <summary>The same container, tables and queue again with clients of their own, as another host (or a restarted one) has.</summary>
    public Task<IngestStorage> ReopenStorageAsync(IngestOptions options) => NewStorageAsync(options);
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
