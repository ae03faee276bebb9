using Ingest.Core.Ingestion;
using Microsoft.Azure.WebJobs;

namespace Ingest.Host.Triggers;

/// <summary>Records blobs the blob trigger gave up on as poisoned (<see cref="PoisonedBlobRecorder"/>).</summary>
public sealed class PoisonedBlobTrigger(PoisonedBlobRecorder recorder)
{
    [FunctionName("PoisonedBlobTrigger")]
    public Task RunAsync(
        [QueueTrigger(TriggerBindings.PoisonQueue, Connection = TriggerBindings.Connection)] string message,
        DateTimeOffset expirationTime,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync(message, expirationTime, cancellationToken);
}
