using Ingest.Core.Composition;
using Microsoft.Azure.WebJobs;

namespace Ingest.Host.Triggers;

/// <summary>
/// The trigger classes the job host runs: the poison-queue trigger always, the polling blob trigger only when the blob
/// trigger's source is <c>Polling</c> (with <c>EventGrid</c>, deliveries arrive at <c>/runtime/webhooks/blobs</c> instead).
/// </summary>
internal sealed class TriggerTypes(IngestOptions options) : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => options.BlobTriggerSource == BlobTriggerSources.Polling
        ? [typeof(ArticleBlobTrigger), typeof(PoisonedBlobTrigger)]
        : [typeof(PoisonedBlobTrigger)];
}
