using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Model;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>The ingestion flow on real Azurite, called as a trigger calls it.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ArticleIngestorTests(AzuriteFixture azurite)
{
    private async Task<(IngestStorage Storage, ArticleIngestor Ingestor, ArticleStore Articles)> NewAsync()
    {
        var storage = await azurite.NewStorageAsync();
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, new IngestionStore(storage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        return (storage, ingestor, articles);
    }

    private static async Task UploadAsync(IngestStorage storage, string name, string content) =>
        await storage.Articles.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);

    [Fact]
    public async Task IngestAsync_JsonArrayThatShrinks_RemovesTheArticleItNoLongerHolds()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "feed.json", """[{"title": "A", "body": "First."}, {"title": "B", "body": "Second."}, {"title": "C", "body": "Third."}]""");
        var first = await ingestor.IngestAsync("feed.json");
        await UploadAsync(storage, "feed.json", """[{"title": "A", "body": "First."}, {"title": "B", "body": "Second, changed."}]""");

        var second = await ingestor.IngestAsync("feed.json");

        Assert.Equal(3, first.ArticleIds.Count);
        Assert.Equal(IngestionStatus.Succeeded, second.Status);
        Assert.Equal(first.ArticleIds.Take(2), second.ArticleIds);
        Assert.Null(await articles.GetAsync(first.ArticleIds[2]));
        Assert.Equal(1, (await articles.GetAsync(first.ArticleIds[0]))!.Version);
        Assert.Equal(2, (await articles.GetAsync(first.ArticleIds[1]))!.Version);
    }

    [Fact]
    public async Task IngestAsync_SameContentAgain_IsUnchanged()
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        await ingestor.IngestAsync("a.txt");

        var again = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Unchanged, again.Status);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task IngestAsync_RedeliveryAfterAnInterruptedRun_IsSucceededNotUnchanged()
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        await ingestor.IngestAsync("a.txt");
        // A host killed after writing the article but before recording the outcome leaves "processing" behind.
        await new IngestionStore(storage).UpdateAsync("a.txt", current => current! with { Status = IngestionStatus.Processing });

        var redelivered = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, redelivered.Status);
    }

    [Fact]
    public async Task IngestAsync_IdenticalContentUploadedAgain_IsUnchanged()
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        await ingestor.IngestAsync("a.txt");
        await UploadAsync(storage, "a.txt", "Harbour Reopens\r\n\r\nThe harbour reopened on Monday.\r\n");

        var again = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Unchanged, again.Status);
        Assert.Equal(1, again.Attempts);
    }

    [Theory]
    [InlineData("", ExtractionErrorCodes.Empty)]
    [InlineData("{\"title\": ", ExtractionErrorCodes.MalformedJson)]
    public async Task IngestAsync_UnreadableFile_RecordsFailureWithoutThrowing(string content, string code)
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "bad.json", content);

        var record = await ingestor.IngestAsync("bad.json");

        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.Equal(code, record.ErrorCode);
        Assert.Empty(record.ArticleIds);
    }

    [Fact]
    public async Task IngestAsync_ReprocessTokenOnTheBlob_ReExtractsUnchangedContent()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        var first = await ingestor.IngestAsync("a.txt");
        await storage.Articles.GetBlobClient("a.txt").SetMetadataAsync(new Dictionary<string, string> { [ArticleIngestor.ReprocessMetadataKey] = "token-1" });

        var reprocessed = await ingestor.IngestAsync("a.txt");
        var again = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, reprocessed.Status);
        Assert.Equal(2, (await articles.GetAsync(first.ArticleIds[0]))!.Version);
        Assert.Equal(IngestionStatus.Unchanged, again.Status);
    }

    [Fact]
    public async Task IngestAsync_BlobGone_RecordsFailure()
    {
        var (_, ingestor, _) = await NewAsync();

        var record = await ingestor.IngestAsync("never-uploaded.txt");

        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.Equal("blob-not-found", record.ErrorCode);
    }
}
