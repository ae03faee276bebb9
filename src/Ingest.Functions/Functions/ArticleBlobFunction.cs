using Azure.Storage.Blobs;
using Ingest.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Ingest.Functions.Functions;

/// <summary>The blob trigger: binds, delegates to <see cref="ArticleIngestor"/>, returns. Transient failures throw so the host retries.</summary>
public sealed class ArticleBlobFunction(IArticleIngestor ingestor)
{
    [Function("ArticleBlobTrigger")]
    public Task RunAsync(
        [BlobTrigger(TriggerBindings.ArticleBlobs, Connection = TriggerBindings.Connection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        ingestor.IngestAsync(name, cancellationToken);
}
