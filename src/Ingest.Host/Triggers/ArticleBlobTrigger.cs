using Ingest.Core.Ingestion;
using Microsoft.Azure.WebJobs;

namespace Ingest.Host.Triggers;

/// <summary>
/// The blob trigger, run by the WebJobs SDK exactly as the Functions host runs it. Binds, delegates, returns:
/// the flow is <see cref="ArticleIngestor"/>'s.
/// </summary>
public sealed class ArticleBlobTrigger(IArticleIngestor ingestor)
{
    [FunctionName("ArticleBlobTrigger")]
    public Task RunAsync(
        [BlobTrigger(TriggerBindings.ArticleBlobs, Connection = TriggerBindings.Connection)] Azure.Storage.Blobs.BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        ingestor.IngestAsync(name, cancellationToken);
}
