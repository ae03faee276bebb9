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

/// <summary>
/// The sweep's fast lane for new blobs (<see cref="IngestionSweeper.SweepNewBlobsAsync"/>): a blob with no record for its
/// content is ingested as soon as it is <c>Ingest:UnrecordedAfter</c> old, not when the polling trigger gets to it, and a
/// blob whose record was seen once costs the lane nothing more than its line in the listing.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class NewBlobSweepTests(AzuriteFixture azurite)
{
    private const string Story = "Harbour Reopens\n\nThe harbour reopened on Monday after a week of repairs.";

    private sealed record Parts(IngestStorage Storage, IngestionStore Ingestions, ArticleIngestor Ingestor, IngestionSweeper Sweeper, FakeTimeProvider Clock, QueryRecorder Reads);

    private async Task<Parts> NewAsync(IngestOptions? options = null)
    {
        options ??= AzuriteFixture.NewOptions();
        options.UnrecordedAfter = TimeSpan.FromSeconds(2);
        var reads = new QueryRecorder();
        var storage = new IngestStorage(azurite.ConnectionString, options, reads.AddTo);
        var ingestions = new IngestionStore(storage);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sweeper = new IngestionSweeper(storage, ingestions, articles, ingestor, clock, new ArticleEvents(storage, clock), NullLogger<IngestionSweeper>.Instance);
        await storage.EnsureCreatedAsync();
        return new Parts(storage, ingestions, ingestor, sweeper, clock, reads);
    }

    private static async Task UploadAsync(Parts parts, string text, params string[] names)
    {
        foreach (var name in names)
        {
            await parts.Storage.Articles.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true);
        }
    }

    private static int RecordReads(Parts parts) =>
        parts.Reads.Queries.Count(q => q.Contains('/' + parts.Storage.Options.IngestionsTable, StringComparison.Ordinal));

    [Fact]
    public async Task SweepNewBlobsAsync_BlobsUnrecordedAfterTheirGrace_AreIngestedInOneTick()
    {
        var parts = await NewAsync();
        await UploadAsync(parts, Story, "a.txt", "b.txt", "c.txt");
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
        var parts = await NewAsync();
        await UploadAsync(parts, Story, "young.txt");

        var result = await parts.Sweeper.SweepNewBlobsAsync();

        Assert.Equal(0, result.Reingested);
        Assert.Null(await parts.Ingestions.GetAsync("young.txt"));
    }

    [Fact]
    public async Task SweepNewBlobsAsync_BlobsRecordedAlready_ReadsEachRecordOnceThenOnlyLists()
    {
        var parts = await NewAsync();
        await UploadAsync(parts, Story, "a.txt", "b.txt");
        await parts.Ingestor.IngestAsync("a.txt");
        await parts.Ingestor.IngestAsync("b.txt");
        parts.Clock.Advance(TimeSpan.FromSeconds(5));

        parts.Reads.Clear();
        var first = await parts.Sweeper.SweepNewBlobsAsync();
        var readsInFirst = RecordReads(parts);
        parts.Reads.Clear();
        var second = await parts.Sweeper.SweepNewBlobsAsync();
        var readsInSecond = RecordReads(parts);

        Assert.Equal((0, 0), (first.Reingested, second.Reingested));
        Assert.Equal(2, readsInFirst);
        Assert.Equal(0, readsInSecond);
    }

    [Fact]
    public async Task SweepNewBlobsAsync_BlobOverwrittenAfterItWasSeen_IsIngestedAgain()
    {
        var parts = await NewAsync();
        await UploadAsync(parts, Story, "a.txt");
        parts.Clock.Advance(TimeSpan.FromSeconds(5));
        await parts.Sweeper.SweepNewBlobsAsync();
        var before = await parts.Ingestions.GetAsync("a.txt");

        await UploadAsync(parts, Story + "\n\nThe first ferry left at noon, full.", "a.txt");
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
        var second = await NewAsync(first.Storage.Options);
        await UploadAsync(first, Story, "a.txt", "b.txt");
        first.Clock.Advance(TimeSpan.FromSeconds(5));
        second.Clock.Advance(TimeSpan.FromSeconds(5));

        var lanes = await Task.WhenAll(first.Sweeper.SweepNewBlobsAsync(), second.Sweeper.SweepNewBlobsAsync(), first.Sweeper.SweepAsync());

        Assert.Single(lanes.Take(2), r => r.LeaseHeldElsewhere);
        Assert.False(lanes[2].LeaseHeldElsewhere, "The full sweep's lease is not the lane's.");
        Assert.Equal(IngestionStatus.Succeeded, (await first.Ingestions.GetAsync("a.txt"))?.Status);
        Assert.Equal(IngestionStatus.Succeeded, (await first.Ingestions.GetAsync("b.txt"))?.Status);
    }
}
