using System.Runtime.ExceptionServices;
using Ingest.Core.Api.Health;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Host.Triggers;

/// <summary>
/// Runs the WebJobs SDK (the blob trigger and the poison-queue trigger) in a job host of its own, and supervises it.
/// When storage is unreachable for a while, the SDK's listeners give up and its default exception handler ends the
/// process, which under the Functions host the platform restarts. The standalone host has no such platform: here the
/// handler only reports the failure, and this service stops the failed job host and builds a new one once storage answers
/// again. What arrived meanwhile is picked up by the new host's first scan, and by the sweep.
/// </summary>
internal sealed partial class TriggerHost(IServiceProvider services, IConfiguration configuration, TriggerStatus status, ILogger<TriggerHost> logger) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var jobHost = Build(failed);
            try
            {
                await jobHost.StartAsync(stoppingToken);
                status.Running();
                await Task.WhenAny(failed.Task, Task.Delay(Timeout.Infinite, stoppingToken));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                failed.TrySetResult(exception);
            }

            status.Stopped(stoppingToken.IsCancellationRequested ? "the host is stopping" : $"it failed ({failed.Task.Result.GetType().Name}) and is restarting");
            await StopQuietlyAsync(jobHost);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            LogRestarting(logger, failed.Task.Result.GetType().Name, RestartDelay.TotalSeconds);
            await Task.Delay(RestartDelay, stoppingToken);
        }
    }

    private IHost Build(TaskCompletionSource<Exception> failed)
    {
        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;
        return new HostBuilder()
            .ConfigureAppConfiguration(app => app.AddConfiguration(configuration))
            .ConfigureServices(inner =>
            {
                // The triggers use the outer host's Core services: one ingestor, one storage client, one log.
                inner.AddSingleton(services.GetRequiredService<ILoggerFactory>());
                inner.AddSingleton(services.GetRequiredService<IArticleIngestor>());
                inner.AddSingleton(services.GetRequiredService<PoisonedBlobRecorder>());
                inner.AddSingleton(services.GetRequiredService<IOptions<IngestOptions>>());
                inner.AddSingleton<INameResolver, IngestNameResolver>();
                inner.AddSingleton<IWebJobsExceptionHandlerFactory>(new ReportingExceptionHandlerFactory(failed));
            })
            .ConfigureWebJobs(webJobs =>
            {
                // Pinned (StandaloneHostOptions.HostId): the default id hashes the assembly version, and a new id would re-process every blob.
                webJobs.UseHostId(services.GetRequiredService<IOptions<StandaloneHostOptions>>().Value.HostId);
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
                // The poison queue is quiet: poll it every few seconds at most, not the default minute, so a poisoned status shows soon.
                webJobs.AddAzureStorageQueues(queues => queues.MaxPollingInterval = TimeSpan.FromSeconds(5));
            })
            .ConfigureServices(inner => inner.Replace(ServiceDescriptor.Singleton<ITypeLocator>(new TriggerTypes(options))))
            .Build();
    }

    private async Task StopQuietlyAsync(IHost jobHost)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await jobHost.StopAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A job host that failed may fail to stop as well; it is dropped either way.
            LogStopFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The blob trigger stopped ({Reason}), most likely because storage was unreachable; starting it again in {Seconds} s")]
    private static partial void LogRestarting(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed job host did not stop cleanly ({Reason})")]
    private static partial void LogStopFailed(ILogger logger, string reason);

    /// <summary>Reports the SDK's fatal errors to the supervisor instead of ending the process.</summary>
    private sealed class ReportingExceptionHandlerFactory(TaskCompletionSource<Exception> failed) : IWebJobsExceptionHandlerFactory, IWebJobsExceptionHandler
    {
        public IWebJobsExceptionHandler Create(IHost jobHost) => this;

        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => Report(exceptionInfo);

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) => Report(exceptionInfo);

        private Task Report(ExceptionDispatchInfo exceptionInfo)
        {
            failed.TrySetResult(exceptionInfo.SourceException);
            return Task.CompletedTask;
        }
    }
}
