using Ingest.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Ingest.Functions.Functions;

/// <summary>The poison-queue handler and the periodic sweep, delegating to Core.</summary>
public sealed class MaintenanceFunctions(PoisonedBlobRecorder poisoned, IngestionSweeper sweeper)
{
    [Function("PoisonedBlobTrigger")]
    public Task RecordPoisonedAsync(
        [QueueTrigger(PoisonedBlobRecorder.QueueName, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        poisoned.RecordAsync(message, cancellationToken);

    /// <summary>Re-ingests abandoned work and removes rows of deleted blobs, on <c>Ingest:SweepSchedule</c> (CRON, every 5 minutes in the sample settings).</summary>
    [Function("Sweep")]
    public Task SweepAsync([TimerTrigger("%Ingest:SweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
