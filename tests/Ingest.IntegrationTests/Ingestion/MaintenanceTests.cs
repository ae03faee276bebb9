using Ingest.Core.Events;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>The poison handler and the sweep on real Azurite.</summary>
[Collection(AzuriteTests.Name)]
public sealed class MaintenanceTests(AzuriteFixture azurite)
{
    private sealed record Parts(IngestStorage Storage, IngestionStore Ingestions, ArticleStore Articles, ArticleIngestor Ingestor);

    private async Task<Parts> NewAsync(Action<Core.Composition.IngestOptions>? configure = null)
    {
        var options = AzuriteFixture.NewOptions();
        configure?.Invoke(options);
        var storage = new IngestStorage(azurite.ConnectionString, options);
        await storage.EnsureCreatedAsync();
        var ingestions = new IngestionStore(storage);
        var articles = new ArticleStore(storage, TimeProvider.System);
        return new Parts(storage, ingestions, articles, new ArticleIngestor(storage, new ArticleExtractor(), articles, ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance));
    }

    private static string PoisonMessage(string container, string blob, string etag) =>
        $$"""{"Type":"BlobTrigger","FunctionId":"Host.Functions.ArticleBlobTrigger","BlobType":"BlockBlob","ContainerName":"{{container}}","BlobName":"{{blob}}","ETag":"{{etag.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""";

    [Fact]
    public async Task RecordAsync_BlobStuckProcessing_BecomesPoisonedWithItsAttempts()
    {
        var parts = await NewAsync();
        var version = new BlobVersion("\"0x1\"", DateTimeOffset.UtcNow);
        await parts.Ingestions.UpdateAsync("stuck.txt", _ => new IngestionRecord("stuck.txt", IngestionStatus.Processing, [], 5, "transient", "Storage answered 503 ServerBusy", version, DateTimeOffset.UtcNow));
        var recorder = new PoisonedBlobRecorder(parts.Storage, parts.Ingestions, TimeProvider.System, NullLogger<PoisonedBlobRecorder>.Instance);

        await recorder.RecordAsync(PoisonMessage(parts.Storage.Options.ArticlesContainer, "stuck.txt", version.ETag));
        var record = await parts.Ingestions.GetAsync("stuck.txt");

        Assert.Equal(IngestionStatus.Poisoned, record?.Status);
        Assert.Equal(5, record?.Attempts);
        Assert.Equal("poisoned", record?.ErrorCode);
        Assert.Contains("503", record?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_NewerContentAlreadySucceeded_LeavesItAlone()
    {
        var parts = await NewAsync();
        await parts.Ingestions.UpdateAsync("moved-on.txt", _ => new IngestionRecord("moved-on.txt", IngestionStatus.Succeeded, ["id"], 1, null, null, new BlobVersion("\"0x2\"", DateTimeOffset.UtcNow), DateTimeOffset.UtcNow));
        var recorder = new PoisonedBlobRecorder(parts.Storage, parts.Ingestions, TimeProvider.System, NullLogger<PoisonedBlobRecorder>.Instance);

        await recorder.RecordAsync(PoisonMessage(parts.Storage.Options.ArticlesContainer, "moved-on.txt", "\"0x1\""));

        Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync("moved-on.txt"))?.Status);
    }

    [Fact]
    public async Task RecordAsync_AnotherContainersMessage_GoesBackOnTheQueueForItsOwner()
    {
        var parts = await NewAsync(o => o.PoisonReturnDelay = TimeSpan.Zero);
        var foreign = PoisonMessage("another-apps-" + Guid.NewGuid().ToString("N")[..8], "theirs.txt", "\"0x9\"");
        var expiresOn = DateTimeOffset.UtcNow.AddHours(3);
        var recorder = new PoisonedBlobRecorder(parts.Storage, parts.Ingestions, TimeProvider.System, NullLogger<PoisonedBlobRecorder>.Instance);
        await parts.Storage.PoisonQueue.CreateIfNotExistsAsync(); // The message came from it, so it exists.

        await recorder.RecordAsync(foreign, expiresOn);
        var waiting = (await parts.Storage.PoisonQueue.PeekMessagesAsync(32)).Value.Where(m => m.Body.ToString() == foreign).ToList();

        var returned = Assert.Single(waiting);
        Assert.InRange(returned.ExpiresOn!.Value, expiresOn.AddMinutes(-1), expiresOn.AddMinutes(1)); // It lives no longer than the original would have.
        Assert.Null(await parts.Ingestions.GetAsync("theirs.txt"));
        var received = (await parts.Storage.PoisonQueue.ReceiveMessagesAsync(32)).Value.Single(m => m.MessageId == returned.MessageId);
        await parts.Storage.PoisonQueue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
    }

    [Fact]
    public async Task SweepAsync_AbandonedProcessingAndDeletedBlobs_AreSettled()
    {
        var parts = await NewAsync(o => (o.StuckProcessingAfter, o.UnrecordedAfter) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        await parts.Storage.Articles.Container.GetBlobClient("kept.txt").UploadAsync(BinaryData.FromString("Kept Story\n\nIt stays."));
        await parts.Storage.Articles.Container.GetBlobClient("gone.txt").UploadAsync(BinaryData.FromString("Gone Story\n\nIt goes."));
        var gone = await parts.Ingestor.IngestAsync("gone.txt");
        await parts.Storage.Articles.Container.GetBlobClient("gone.txt").DeleteAsync();
        await parts.Ingestions.UpdateAsync("kept.txt", _ => new IngestionRecord("kept.txt", IngestionStatus.Processing, [], 1, null, null, null, DateTimeOffset.UtcNow.AddMinutes(-5)));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sweeper = new IngestionSweeper(parts.Storage, parts.Ingestions, parts.Articles, parts.Ingestor, clock, new ArticleEvents(parts.Storage, clock), NullLogger<IngestionSweeper>.Instance);

        await parts.Storage.Articles.Container.GetBlobClient("never-triggered.txt").UploadAsync(BinaryData.FromString("Missed Story\n\nThe trigger never saw it."));
        await parts.Storage.Articles.Container.GetBlobClient("overwritten.txt").UploadAsync(BinaryData.FromString("First Version\n\nOld text."));
        await parts.Ingestor.IngestAsync("overwritten.txt");
        await parts.Storage.Articles.Container.GetBlobClient("overwritten.txt").UploadAsync(BinaryData.FromString("Second Version\n\nNew text the scan missed."), overwrite: true);
        clock.Advance(TimeSpan.FromMinutes(5));

        var result = await sweeper.SweepAsync();

        Assert.Equal(new IngestionSweeper.SweepResult(Reingested: 3, Removed: 1), result);
        Assert.Equal("Second Version", (await parts.Articles.GetAsync(BlobKeys.ArticleId("overwritten.txt")))?.Title);
        Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync("never-triggered.txt"))?.Status);
        Assert.Equal(IngestionStatus.Succeeded, (await parts.Ingestions.GetAsync("kept.txt"))?.Status);
        Assert.Null(await parts.Ingestions.GetAsync("gone.txt"));
        Assert.Null(await parts.Articles.GetAsync(gone.ArticleIds[0]));
        Assert.Equal(new IngestionSweeper.SweepResult(0, 0), await sweeper.SweepAsync());
    }

    [Fact]
    public async Task IngestAsync_BlobOverTheSizeLimit_FailsBeforeReadingIt()
    {
        var parts = await NewAsync(o => o.MaxBlobBytes = 1_000);
        await parts.Storage.Articles.Container.GetBlobClient("big.txt").UploadAsync(BinaryData.FromString("Big Story\n\n" + new string('x', 5_000)));

        var record = await parts.Ingestor.IngestAsync("big.txt");

        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.Equal("too-large", record.ErrorCode);
        Assert.Equal(1, record.Attempts);
    }
}
