using Ingest.Core.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace Ingest.Functions.Functions;

/// <summary>The poison-queue handler, the periodic sweep and its new-blob lane, delegating to Core.</summary>
public sealed class MaintenanceFunctions(PoisonedBlobRecorder poisoned, IngestionSweeper sweeper)
{
    [Function("PoisonedBlobTrigger")]
    public Task RecordPoisonedAsync(
        [QueueTrigger(TriggerBindings.PoisonQueue, Connection = TriggerBindings.Connection)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        poisoned.RecordAsync(message, ExpirationTime(context), cancellationToken);

    /// <summary>The queue trigger's <c>ExpirationTime</c> binding data: when the message would have expired.</summary>
    internal static DateTimeOffset? ExpirationTime(FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("ExpirationTime", out var value)
        && DateTimeOffset.TryParse(value?.ToString()?.Trim('"'), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expires)
            ? expires
            : null;

    /// <summary>Re-ingests abandoned work and removes rows of deleted blobs, on <c>Ingest:SweepSchedule</c> (CRON, every 30 seconds in the sample settings).</summary>
    [Function("Sweep")]
    public Task SweepAsync([TimerTrigger(TriggerBindings.SweepSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);

    /// <summary>
    /// Ingests blobs with no record for <c>Ingest:UnrecordedAfter</c> without waiting for the polling trigger's scan, on
    /// <c>Ingest:NewBlobSweepSchedule</c> (every 2 seconds in the sample settings; disabled in Azure, where Event Grid delivers).
    /// </summary>
    [Function("NewBlobSweep")]
    public Task SweepNewBlobsAsync([TimerTrigger(TriggerBindings.NewBlobSweepSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepNewBlobsAsync(cancellationToken);
}
