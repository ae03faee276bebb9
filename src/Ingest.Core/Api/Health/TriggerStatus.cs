using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingest.Core.Api.Health;

/// <summary>
/// Whether the host's blob trigger is listening, as the host that runs it reports. The standalone host sets it around its
/// job host's life; under the Functions host the platform runs the trigger and nothing reports here.
/// </summary>
public sealed class TriggerStatus
{
    private volatile string? _stoppedBecause = "not started yet";

    public bool IsRunning => _stoppedBecause is null;

    public void Running() => _stoppedBecause = null;

    public void Stopped(string because) => _stoppedBecause = because;

    internal sealed class Check(TriggerStatus status) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(status._stoppedBecause is { } reason
                ? HealthCheckResult.Unhealthy($"The blob trigger is not running: {reason}.")
                : HealthCheckResult.Healthy("The blob trigger is running."));
    }
}
