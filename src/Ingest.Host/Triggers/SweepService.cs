using Ingest.Core.Ingestion;
using Microsoft.Extensions.Options;

namespace Ingest.Host.Triggers;

/// <summary>
/// Runs the <see cref="IngestionSweeper"/>: the full sweep every <c>Ingest:SweepInterval</c> (the standalone host's
/// counterpart of the Functions app's timer trigger), and its new-blob lane every <c>Ingest:NewBlobSweepInterval</c>.
/// A tick that fails is logged and the next one runs; nothing ends the loop but the host stopping.
/// </summary>
internal sealed partial class SweepService(IngestionSweeper sweeper, IOptions<StandaloneHostOptions> options, ILogger<SweepService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            EveryAsync(options.Value.SweepInterval, "sweep", sweeper.SweepAsync, stoppingToken),
            EveryAsync(options.Value.NewBlobSweepInterval, "new-blob lane", sweeper.SweepNewBlobsAsync, stoppingToken));

    private async Task EveryAsync(TimeSpan interval, string name, Func<CancellationToken, Task> tick, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await tick(stoppingToken);
            }
            catch (Exception exception) when (TransientFailures.Are(exception))
            {
                // Storage trouble: the next tick tries again.
                LogSweepFailed(logger, name, TransientFailures.Describe(exception));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A bug in a tick must not end the host (a BackgroundService's failure stops it): log it loudly, go on.
                LogSweepBroke(logger, exception, name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Sweep} could not finish ({Reason}); it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string sweep, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Sweep} failed unexpectedly; it runs again at the next interval")]
    private static partial void LogSweepBroke(ILogger logger, Exception exception, string sweep);
}
