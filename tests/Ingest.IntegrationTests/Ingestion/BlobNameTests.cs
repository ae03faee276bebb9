using Ingest.Core.Api;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>Names that storage would resolve to other names: refused by the upload route, recorded as failed by the trigger.</summary>
[Collection(AzuriteTests.Name)]
public sealed class BlobNameTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("x/../../azure-webjobs-hosts/evil.txt")]
    [InlineData("./dot.txt")]
    [InlineData("a/./b/../c.txt")]
    [InlineData("/leading.txt")]
    public async Task Upload_NameStorageWouldRewrite_IsRefusedAndWritesNothing(string name)
    {
        var storage = await azurite.NewStorageAsync();
        var endpoints = new ArticleEndpoints(storage, new ArticleStore(storage, TimeProvider.System), new IngestionStore(storage));

        var result = await endpoints.UploadAsync(ApiRequests.Make("name", name, "Harbour Reopens\n\nThe harbour reopened."), CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, ApiRequests.StatusOf(result));
        Assert.Empty(storage.Articles.Container.GetBlobs().ToList());
        Assert.False(await storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient("evil.txt").ExistsAsync());
    }

    [Fact]
    public async Task Upload_OrdinaryName_IsWrittenUnderExactlyThatName()
    {
        var storage = await azurite.NewStorageAsync();
        var endpoints = new ArticleEndpoints(storage, new ArticleStore(storage, TimeProvider.System), new IngestionStore(storage));

        var result = await endpoints.UploadAsync(ApiRequests.Make("name", "news/a..b 100%.txt", "Harbour Reopens\n\nThe harbour reopened."), CancellationToken.None);

        Assert.Equal(StatusCodes.Status202Accepted, ApiRequests.StatusOf(result));
        Assert.Equal(["news/a..b 100%.txt"], storage.Articles.Container.GetBlobs().Select(b => b.Name).ToList());
    }

    [Fact]
    public async Task IngestAsync_BlobWhoseNameEndsWithADot_IsRecordedFailedWithACode()
    {
        var storage = await azurite.NewStorageAsync();
        await storage.Articles.Container.GetBlobClient("harbour.").UploadAsync(BinaryData.FromString("Harbour Reopens\n\nThe harbour reopened."));
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, new IngestionStore(storage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);

        var record = await ingestor.IngestAsync("harbour.");

        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.Equal(BlobNames.ErrorCode, record.ErrorCode);
        Assert.Equal(BlobNames.ErrorCode, (await new IngestionStore(storage).GetAsync("harbour."))?.ErrorCode);
        Assert.Empty((await articles.ListAsync(new ArticleListQuery(10, null, null, null, null, null, "harbour."))).Items);
    }
}
