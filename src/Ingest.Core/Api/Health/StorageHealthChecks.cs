using Azure;
using Ingest.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingest.Core.Api.Health;

/// <summary>Each storage service Ingest needs answers: one cheap, read-only call to each, with the storage timeout.</summary>
internal abstract class StorageHealthCheck(IngestStorage storage) : IHealthCheck
{
    protected IngestStorage Storage => storage;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(storage.Options.StorageTimeout);
        try
        {
            return await ProbeAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or OperationCanceledException or IOException or AggregateException)
        {
            return HealthCheckResult.Unhealthy($"Not reachable: {exception.GetType().Name}.");
        }
    }

    protected abstract Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>The articles container exists and answers.</summary>
internal sealed class BlobStorageHealthCheck(IngestStorage storage) : StorageHealthCheck(storage)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken) =>
        await Storage.Articles.ExistsAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"Container '{Storage.Articles.ContainerName}' reachable.")
            : HealthCheckResult.Unhealthy($"Container '{Storage.Articles.ContainerName}' does not exist.");
}

/// <summary>The table service answers: <see cref="IngestStorage.IsReachableAsync"/>, the probe <c>/api/health</c> makes too.</summary>
internal sealed class TableStorageHealthCheck(IngestStorage storage) : StorageHealthCheck(storage)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken) =>
        await Storage.IsReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"Table '{Storage.Options.IngestionsTable}' reachable.")
            : HealthCheckResult.Unhealthy($"Table '{Storage.Options.IngestionsTable}' not reachable.");
}

/// <summary>The queue service answers (the trigger's queues live there).</summary>
internal sealed class QueueStorageHealthCheck(IngestStorage storage) : StorageHealthCheck(storage)
{
    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        await Storage.PoisonQueue.ExistsAsync(cancellationToken);
        return HealthCheckResult.Healthy("Queue service reachable.");
    }
}
