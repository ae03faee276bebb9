using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Ingest.Core.Composition;
using Polly;

namespace Ingest.Core.Storage;

/// <summary>
/// The storage account as Ingest uses it: the articles container, the three tables, and the
/// resilience pipeline every call goes through. Built once per host from <c>AzureWebJobsStorage</c>
/// (<see cref="StorageConnection"/>: a connection string or an identity).
/// </summary>
public sealed class IngestStorage
{
    /// <param name="connectionString">An Azure Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite on its default ports).</param>
    /// <param name="options">Container and table names, retry settings.</param>
    /// <param name="configureClient">Lets tests add a pipeline policy (a round-trip counter) to every client.</param>
    public IngestStorage(string connectionString, IngestOptions options, Action<ClientOptions>? configureClient = null)
        : this(StorageConnection.FromConnectionString(connectionString), options, configureClient)
    {
    }

    /// <param name="connection">A connection string, or service URIs and a token credential.</param>
    /// <param name="options">Container and table names, retry settings, the token signing key.</param>
    /// <param name="configureClient">Lets tests add a pipeline policy (a round-trip counter) to every client.</param>
    public IngestStorage(StorageConnection connection, IngestOptions options, Action<ClientOptions>? configureClient = null)
    {
        Options = options;
        Connection = connection;

        // Polly retries; the SDK's own retries would multiply with them.
        var blobOptions = new BlobClientOptions();
        blobOptions.Retry.MaxRetries = 0;
        blobOptions.Retry.NetworkTimeout = options.StorageTimeout;
        configureClient?.Invoke(blobOptions);
        var tableOptions = new TableClientOptions();
        tableOptions.Retry.MaxRetries = 0;
        tableOptions.Retry.NetworkTimeout = options.StorageTimeout;
        configureClient?.Invoke(tableOptions);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }; // As the WebJobs trigger writes and reads.
        queueOptions.Retry.MaxRetries = 0;
        queueOptions.Retry.NetworkTimeout = options.StorageTimeout;
        configureClient?.Invoke(queueOptions);

        if (connection.ConnectionString is { } connectionString)
        {
            Blobs = new BlobServiceClient(connectionString, blobOptions);
            Tables = new TableServiceClient(connectionString, tableOptions);
            Queues = new QueueServiceClient(connectionString, queueOptions);
        }
        else
        {
            Blobs = new BlobServiceClient(connection.BlobServiceUri, connection.Credential, blobOptions);
            Tables = new TableServiceClient(connection.TableServiceUri, connection.Credential, tableOptions);
            Queues = new QueueServiceClient(connection.QueueServiceUri, connection.Credential, queueOptions);
        }

        ArticlesTable = Tables.GetTableClient(options.ArticlesTable);
        SectionsTable = Tables.GetTableClient(options.SectionsTable);
        IngestionsTable = Tables.GetTableClient(options.IngestionsTable);
        IngestionIndexTable = Tables.GetTableClient(options.IngestionIndexTable);
        PoisonQueue = Queues.GetQueueClient(PoisonQueueName);
        ArticleEventsQueue = string.IsNullOrEmpty(options.ArticleEventsQueue) ? null : Queues.GetQueueClient(options.ArticleEventsQueue);
        Resilience = StorageResilience.Create(options);
        // A file of a quarter of the budget or more (4 MiB by default) is large: the heap is collected after it.
        FileMemory = new MemoryBudget(options.MaxFileBytesInMemory, collectAfterBytes: options.MaxFileBytesInMemory / 4);
        Articles = new ArticleBlobs(Blobs.GetBlobContainerClient(options.ArticlesContainer), Resilience, FileMemory);
        ContinuationTokens = options.TokenSigningKey is { Length: > 0 } key ? ContinuationTokens.ForSecret(key)
            : connection.ConnectionString is { } secret ? ContinuationTokens.ForSecret(secret)
            : throw new InvalidOperationException("An identity-based connection holds no secret to sign continuation tokens with: set Ingest:TokenSigningKey.");
    }

    /// <summary>Where the blob trigger puts a blob it gave up on: one queue per account, shared by every app on it.</summary>
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    public IngestOptions Options { get; }

    /// <summary>How the clients reach the account.</summary>
    public StorageConnection Connection { get; }

    public QueueServiceClient Queues { get; }
    /// <summary>The account's blob service: its leases container (<see cref="Ingestion.SweepLease"/>); the articles container is <see cref="Articles"/>.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>The articles container.</summary>
    public ArticleBlobs Articles { get; }
    public TableServiceClient Tables { get; }
    public TableClient ArticlesTable { get; }
    public TableClient SectionsTable { get; }
    public TableClient IngestionsTable { get; }
    public TableClient IngestionIndexTable { get; }
    public QueueClient PoisonQueue { get; }

    /// <summary>Where article events go (<see cref="Events.ArticleEvents"/>); null when <c>Ingest:ArticleEventsQueue</c> is empty.</summary>
    public QueueClient? ArticleEventsQueue { get; }
    public ResiliencePipeline Resilience { get; }

    /// <summary>The host's budget for file bodies held in memory: one per host, as this object is, shared by the trigger and the upload route.</summary>
    public MemoryBudget FileMemory { get; }

    /// <summary>Signs the continuation tokens the API hands out, so only those come back.</summary>
    public ContinuationTokens ContinuationTokens { get; }

    /// <summary>
    /// Whether rows may be stored under the row keys of the layout before this one (<see cref="RowKeyLayout"/>), so that
    /// reads look there too when a row is missing. True until <see cref="EnsureCreatedAsync"/> has told the store apart.
    /// </summary>
    public bool MayHoldOldRowKeys { get; internal set; } = true;

    /// <summary>
    /// Creates the containers (articles, leases), the tables and the article events queue when they do not exist yet, and
    /// tells whether the tables may hold rows under old row keys (<see cref="MayHoldOldRowKeys"/>).
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Articles.EnsureCreatedAsync(cancellationToken);
        await Resilience.ExecuteAsync(async ct => await Blobs.GetBlobContainerClient(Options.LeasesContainer).CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);
        foreach (var table in (TableClient[])[ArticlesTable, SectionsTable, IngestionsTable, IngestionIndexTable])
        {
            await Resilience.ExecuteAsync(async ct => await table.CreateIfNotExistsAsync(ct), cancellationToken);
        }

        if (ArticleEventsQueue is { } events)
        {
            await Resilience.ExecuteAsync(async ct => await events.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);
        }

        MayHoldOldRowKeys = await RowKeyLayout.DetectAsync(this, cancellationToken);
    }

    /// <summary>One cheap call that tells whether storage answers at all.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await IngestionsTable.GetEntityIfExistsAsync<TableEntity>("health", "probe", ["PartitionKey"], cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }
}
