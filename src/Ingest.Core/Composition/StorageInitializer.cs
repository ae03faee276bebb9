using Ingest.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace Ingest.Core.Composition;

/// <summary>Creates the articles container and the tables at start-up, so the first request and the first trigger find them.</summary>
internal sealed class StorageInitializer(IngestStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
