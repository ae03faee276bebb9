using Azure;
using Azure.Storage.Blobs;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Functions.Functions;
using Moq;

namespace Ingest.Functions.Tests.Functions;

public sealed class ArticleBlobFunctionTests
{
    private static readonly BlobClient Blob = new(new Uri("http://127.0.0.1:1/devstoreaccount1/articles/folder/a%20b.txt"));

    [Fact]
    public async Task RunAsync_DeliveredBlob_IngestsItByName()
    {
        var ingestor = new Mock<IArticleIngestor>(MockBehavior.Strict);
        using var cancellation = new CancellationTokenSource();
        ingestor.Setup(i => i.IngestAsync("folder/a b.txt", cancellation.Token))
            .ReturnsAsync(new IngestionRecord("folder/a b.txt", IngestionStatus.Succeeded, ["id"], 1, null, null, null, DateTimeOffset.UnixEpoch));

        await new ArticleBlobFunction(ingestor.Object).RunAsync(Blob, "folder/a b.txt", cancellation.Token);

        ingestor.Verify(i => i.IngestAsync("folder/a b.txt", cancellation.Token), Times.Once);
    }

    [Fact]
    public async Task RunAsync_TransientStorageFailure_ThrowsSoTheHostRetries()
    {
        var ingestor = new Mock<IArticleIngestor>();
        ingestor.Setup(i => i.IngestAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(503, "Server busy"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(
            () => new ArticleBlobFunction(ingestor.Object).RunAsync(Blob, "x.txt", CancellationToken.None));

        Assert.Equal(503, failure.Status);
    }

    [Fact]
    public async Task RunAsync_PermanentFailure_RecordedAndReturnsNormally()
    {
        var ingestor = new Mock<IArticleIngestor>();
        ingestor.Setup(i => i.IngestAsync("empty.txt", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IngestionRecord("empty.txt", IngestionStatus.Failed, [], 1, "empty", "No text.", null, DateTimeOffset.UnixEpoch));

        await new ArticleBlobFunction(ingestor.Object).RunAsync(Blob, "empty.txt", CancellationToken.None);

        ingestor.VerifyAll();
    }
}
