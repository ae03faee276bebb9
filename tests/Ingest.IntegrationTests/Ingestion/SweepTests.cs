using Azure.Core;
using Ingest.Core.Composition;
using Ingest.Core.Events;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>The sweep, and its new-blob lane, as bounded, incremental processes that one failing blob, a race or a second sweeper cannot derail.</summary>
[Collection(AzuriteTests.Name)]
public sealed class SweepTests(AzuriteFixture azurite)
{
    private const string Story = "Harbour Reopens\n\nThe harbour reopened on Monday after a week of repairs.";

    /// <param name="Clock">The sweeper's clock: a test moves it on instead of sleeping until blobs and records are old enough.</param>
    private sealed record Parts(IngestStorage Storage, IngestionStore Ingestions, ArticleStore Articles, ArticleIngestor Ingestor, IngestionSweeper Sweeper, FakeTimeProvider Clock);

    private Parts New(IngestOptions options, Action<ClientOptions>? configureClient = null)
    {
        var storage = new IngestStorage(azurite.ConnectionString, options, configureClient);
        var ingestions = new IngestionStore(storage);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new Parts(storage, ingestions, articles, ingestor, new IngestionSweeper(storage, ingestions, articles, ingestor, clock, new ArticleEvents(storage, clock), NullLogger<IngestionSweeper>.Instance), clock);
    }

    private async Task<Parts> NewAsync(Action<IngestOptions>? configure = null, Action<ClientOptions>? configureClient = null)
    {
        var options = AzuriteFixture.NewOptions();
        options.StuckProcessingAfter = TimeSpan.FromSeconds(1);
        options.UnrecordedAfter = TimeSpan.FromSeconds(1);
        configure?.Invoke(options);
        var parts = New(options, configureClient);
        await parts.Storage.EnsureCreatedAsync();
        return parts;
    }

    private static async Task UploadAsync(Parts parts, params string[] names)
    {
        foreach (var name in names)
        {
            await parts.Storage.Articles.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(Story), overwrite: true);
        }
    }

    [Fact]
    public async Task SweepAsync_OneBlobCannotBeIngested_SettlesTheOthersAndReportsIt()
    {
        var options = AzuriteFixture.NewOptions();
        options.StuckProcessingAfter = TimeSpan.FromSeconds(1);
        options.UnrecordedAfter = TimeSpan.FromSeconds(1);
        var broken = new FaultInjector(r => r.Method == RequestMethod.Get && r.Uri.Path.EndsWith("/b.txt", StringComparison.Ordinal), times: int.MaxValue)
        {
            ThrowInstead = new InvalidOperationException("A bug while reading b.txt."),
        };
        var parts = New(options, broken.AddTo);
        await parts.Storage.EnsureCreatedAsync();
        await UploadAsync(parts, "a.txt", "b.txt", "c.txt");
        parts.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await parts.Sweeper.SweepAsync();

        Assert.Equal(2, result.Reingested);
        Assert.Equal(1, result.Failed);
        Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync("a.txt"))?.Status);
        Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync("c.txt"))?.Status);
    }

    [Fact]
    public async Task SweepAsync_BlobCreatedAndIngestedAfterTheListing_KeepsItsRows()
    {
        var options = AzuriteFixture.NewOptions();
        options.StuckProcessingAfter = TimeSpan.FromSeconds(1);
        options.UnrecordedAfter = TimeSpan.FromSeconds(1);
        var bystander = New(options);
        await bystander.Storage.EnsureCreatedAsync();
        var late = new RequestHook(RequestHook.IsContainerListing, async () =>
        {
            await UploadAsync(bystander, "late.txt");
            await bystander.Ingestor.IngestAsync("late.txt");
        });
        var parts = New(options, late.AddTo);

        await parts.Sweeper.SweepAsync();

        Assert.True(late.Fired);
        Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync("late.txt"))?.Status);
        Assert.NotNull(await parts.Articles.GetAsync(BlobKeys.ArticleId("late.txt")));
    }

    [Fact]
    public async Task SweepAsync_BudgetPerTick_SpreadsTheWorkOverTicksAndMissesNothing()
    {
        var parts = await NewAsync(o => o.SweepBlobsPerTick = 2);
        await UploadAsync(parts, "a.txt", "b.txt", "c.txt", "d.txt", "e.txt");
        parts.Clock.Advance(TimeSpan.FromMinutes(5));

        var ticks = new List<IngestionSweeper.SweepResult>();
        for (var tick = 0; tick < 4; tick++)
        {
            ticks.Add(await parts.Sweeper.SweepAsync());
        }

        Assert.All(ticks, t => Assert.True(t.Reingested <= 2, $"A tick ingested {t.Reingested} blobs, over its budget of 2."));
        Assert.Equal(5, ticks.Sum(t => t.Reingested));
        foreach (var name in (string[])["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"])
        {
            Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync(name))?.Status);
        }
    }

    [Fact]
    public async Task SweepAsync_TwoSweepersAtOnce_OneSweepsTheOtherStandsAside()
    {
        var first = await NewAsync();
        var second = New(first.Storage.Options);
        await UploadAsync(first, "a.txt", "b.txt", "c.txt");
        foreach (var name in (string[])["a.txt", "b.txt", "c.txt"])
        {
            await first.Ingestor.IngestAsync(name);
            await first.Storage.Articles.Container.DeleteBlobAsync(name);
        }

        var results = await Task.WhenAll(first.Sweeper.SweepAsync(), second.Sweeper.SweepAsync());

        Assert.Equal(3, results.Sum(r => r.Removed));
        Assert.Single(results, r => r.LeaseHeldElsewhere);
        Assert.Null(await first.Ingestions.GetAsync("a.txt"));
    }

    // The new-blob lane (SweepNewBlobsAsync): a blob with no record for its content is ingested as soon as it is
    // UnrecordedAfter old, not when the polling trigger gets to it, and one whose record was seen once costs only its
    // line in the listing.

    [Fact]
    public async Task SweepNewBlobsAsync_BlobsUnrecordedAfterTheirGrace_AreIngestedInOneTick()
    {
        var parts = await NewAsync();
        await UploadAsync(parts, "a.txt", "b.txt", "c.txt");
        parts.Clock.Advance(TimeSpan.FromSeconds(5));

        var result = await parts.Sweeper.SweepNewBlobsAsync();

        Assert.Equal(3, result.Reingested);
        foreach (var name in (string[])["a.txt", "b.txt", "c.txt"])
        {
            Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync(name))?.Status);
        }
    }

    [Fact]
    public async Task SweepNewBlobsAsync_BlobYoungerThanItsGrace_IsLeftToTheTrigger()
    {
        var parts = await NewAsync(o => o.UnrecordedAfter = TimeSpan.FromMinutes(1));
        await UploadAsync(parts, "young.txt");

        var result = await parts.Sweeper.SweepNewBlobsAsync();

        Assert.Equal(0, result.Reingested);
        Assert.Null(await parts.Ingestions.GetAsync("young.txt"));
    }

    [Fact]
    public async Task SweepNewBlobsAsync_BlobsRecordedAlready_ReadsEachRecordOnceThenOnlyLists()
    {
        var reads = new QueryRecorder();
        var parts = await NewAsync(configureClient: reads.AddTo);
        await UploadAsync(parts, "a.txt", "b.txt");
        await parts.Ingestor.IngestAsync("a.txt");
        await parts.Ingestor.IngestAsync("b.txt");
        parts.Clock.Advance(TimeSpan.FromSeconds(5));
        int RecordReads() => reads.Queries.Count(q => q.Contains('/' + parts.Storage.Options.IngestionsTable, StringComparison.Ordinal));

        reads.Clear();
        var first = await parts.Sweeper.SweepNewBlobsAsync();
        var readsInFirst = RecordReads();
        reads.Clear();
        var second = await parts.Sweeper.SweepNewBlobsAsync();
        var readsInSecond = RecordReads();

        Assert.Equal((0, 0), (first.Reingested, second.Reingested));
        Assert.Equal(2, readsInFirst);
        Assert.Equal(0, readsInSecond);
    }

    [Fact]
    public async Task SweepNewBlobsAsync_BlobOverwrittenAfterItWasSeen_IsIngestedAgain()
    {
        var parts = await NewAsync();
        await UploadAsync(parts, "a.txt");
        parts.Clock.Advance(TimeSpan.FromSeconds(5));
        await parts.Sweeper.SweepNewBlobsAsync();
        var before = await parts.Ingestions.GetAsync("a.txt");

        await parts.Storage.Articles.Container.GetBlobClient("a.txt").UploadAsync(BinaryData.FromString(Story + "\n\nThe first ferry left at noon, full."), overwrite: true);
        parts.Clock.Advance(TimeSpan.FromSeconds(5));
        var result = await parts.Sweeper.SweepNewBlobsAsync();

        var after = await parts.Ingestions.GetAsync("a.txt");
        Assert.Equal(1, result.Reingested);
        Assert.Equal(IngestionStatus.Succeeded, after?.Status);
        Assert.NotEqual(before?.BlobVersion?.ETag, after?.BlobVersion?.ETag);
    }

    [Fact]
    public async Task SweepNewBlobsAsync_TwoHostsAtOnce_OneTakesTheLaneAndTheFullSweepStillRuns()
    {
        var first = await NewAsync();
        var second = New(first.Storage.Options);
        await UploadAsync(first, "a.txt", "b.txt");
        first.Clock.Advance(TimeSpan.FromSeconds(5));
        second.Clock.Advance(TimeSpan.FromSeconds(5));

        var results = await Task.WhenAll(first.Sweeper.SweepNewBlobsAsync(), second.Sweeper.SweepNewBlobsAsync(), first.Sweeper.SweepAsync());

        Assert.Single(results.Take(2), r => r.LeaseHeldElsewhere);
        Assert.False(results[2].LeaseHeldElsewhere, "The full sweep's lease is not the lane's.");
        Assert.Equal(IngestionStatus.Succeeded, (await first.Ingestions.GetAsync("a.txt"))?.Status);
        Assert.Equal(IngestionStatus.Succeeded, (await first.Ingestions.GetAsync("b.txt"))?.Status);
    }
}
