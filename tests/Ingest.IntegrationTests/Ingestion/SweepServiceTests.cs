using Ingest.Core.Events;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host;
using Ingest.Host.Triggers;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>The standalone host's sweep loop outlives any failure of a tick.</summary>
[Collection(AzuriteTests.Name)]
public sealed class SweepServiceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ExecuteAsync_TickFailsWithABug_KeepsRunningAndTriesAgain()
    {
        var options = AzuriteFixture.NewOptions();
        var bug = new FaultInjector(_ => true, times: int.MaxValue) { ThrowInstead = new InvalidOperationException("A bug in a tick.") };
        var storage = new IngestStorage(azurite.ConnectionString, options, bug.AddTo);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestions = new IngestionStore(storage);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        var sweeper = new IngestionSweeper(storage, ingestions, articles, ingestor, TimeProvider.System, new ArticleEvents(storage, TimeProvider.System), NullLogger<IngestionSweeper>.Instance);
        using var service = new SweepService(sweeper, Options.Create(new StandaloneHostOptions { SweepInterval = TimeSpan.FromMilliseconds(50) }), NullLogger<SweepService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (bug.Injected < 3 && !service.ExecuteTask!.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(service.ExecuteTask!.IsCompleted, "The sweep loop ended after a failed tick.");
        Assert.True(bug.Injected >= 3, "The sweep did not try again.");
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_NewBlob_IsIngestedByTheNewBlobLaneLongBeforeTheFullSweepsTick()
    {
        var options = AzuriteFixture.NewOptions();
        options.UnrecordedAfter = TimeSpan.FromSeconds(1);
        var storage = await azurite.NewStorageAsync(options);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestions = new IngestionStore(storage);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        var sweeper = new IngestionSweeper(storage, ingestions, articles, ingestor, TimeProvider.System, new ArticleEvents(storage, TimeProvider.System), NullLogger<IngestionSweeper>.Instance);
        var intervals = new StandaloneHostOptions { SweepInterval = TimeSpan.FromHours(1), NewBlobSweepInterval = TimeSpan.FromMilliseconds(500) };
        using var service = new SweepService(sweeper, Options.Create(intervals), NullLogger<SweepService>.Instance);
        await storage.Articles.Container.GetBlobClient("new.txt").UploadAsync(BinaryData.FromString("Harbour Reopens\n\nThe harbour reopened on Monday."));

        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IngestionRecord? record = null;
        while (record?.Status != IngestionStatus.Succeeded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            record = await ingestions.GetAsync("new.txt");
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(IngestionStatus.Succeeded, record?.Status);
    }
}
