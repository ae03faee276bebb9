using Ingest.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Ingest.Host.Triggers;

/// <summary>Runs the <see cref="IngestionSweeper"/> every <c>Ingest:SweepInterval</c>: the standalone host's counterpart of the Functions app's timer trigger.</summary>
internal sealed partial class SweepService(IngestionSweeper sweeper, IOptions<StandaloneHostOptions> options, ILogger<SweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (TransientFailures.Are(exception))
            {
                // Storage trouble: the next tick tries again.
                LogSweepFailed(logger, TransientFailures.Describe(exception));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A bug in a tick must not end the host (a BackgroundService's failure stops it): log it loudly, go on.
                LogSweepBroke(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep could not finish ({Reason}); it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep failed unexpectedly; it runs again at the next interval")]
    private static partial void LogSweepBroke(ILogger logger, Exception exception);
}
