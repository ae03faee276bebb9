using Azure.Storage.Blobs;
using Ingest.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Ingest.Functions.Functions;

/// <summary>
/// The blob trigger with the Event Grid source: no container scan; the Functions host takes deliveries at
/// <c>/runtime/webhooks/blobs?functionName=Host.Functions.ArticleBlobEventGridTrigger&amp;code={blobs_extension key}</c>.
/// Run one of the two triggers: disable the other with the app setting <c>AzureWebJobs.{name}.Disabled=true</c>
/// (the sample settings disable this one, for Azurite; Flex Consumption supports only this one).
/// </summary>
public sealed class ArticleBlobEventGridFunction(IArticleIngestor ingestor)
{
    [Function("ArticleBlobEventGridTrigger")]
    public Task RunAsync(
        [BlobTrigger(TriggerBindings.ArticleBlobs, Source = BlobTriggerSource.EventGrid, Connection = TriggerBindings.Connection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        ingestor.IngestAsync(name, cancellationToken);
}
