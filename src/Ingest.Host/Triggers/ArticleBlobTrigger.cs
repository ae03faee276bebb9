using Azure.Storage.Blobs.Models;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Microsoft.Azure.WebJobs;

namespace Ingest.Host.Triggers;

/// <summary>
/// The blob trigger, run by the WebJobs SDK exactly as the Functions host runs it. Binds, delegates, returns:
/// the flow is <see cref="ArticleIngestor"/>'s. The engine reads the blob's properties to deliver it; their version is
/// passed on, so a delivery of content ingested already costs one record read.
/// </summary>
public sealed class ArticleBlobTrigger(IArticleIngestor ingestor)
{
    [FunctionName("ArticleBlobTrigger")]
    public Task RunAsync(
        [BlobTrigger(TriggerBindings.ArticleBlobs, Connection = TriggerBindings.Connection)] Azure.Storage.Blobs.BlobClient blob,
        string name,
        BlobProperties? properties,
        CancellationToken cancellationToken) =>
        properties is null // The engine found the blob gone: the ingestor records that.
            ? ingestor.IngestAsync(name, cancellationToken)
            : ingestor.IngestAsync(name, new BlobVersion(properties.ETag.ToString(), properties.LastModified), cancellationToken);
}
