using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host.Triggers;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>The standalone host's blob trigger hands the ingestor the version the trigger engine saw.</summary>
public sealed class ArticleBlobTriggerTests
{
    [Fact]
    public async Task RunAsync_PassesTheDeliveredVersion()
    {
        var ingestor = new RecordingIngestor();
        var modified = new DateTimeOffset(2026, 11, 29, 8, 30, 0, TimeSpan.Zero);
        var properties = BlobsModelFactory.BlobProperties(eTag: new ETag("\"0x8DC\""), lastModified: modified);

        await new ArticleBlobTrigger(ingestor).RunAsync(new BlobClient(new Uri("http://127.0.0.1:10000/devstoreaccount1/articles/a.txt")), "a.txt", properties, CancellationToken.None);

        Assert.Equal(("a.txt", new BlobVersion("\"0x8DC\"", modified)), Assert.Single(ingestor.Calls));
    }

    private sealed class RecordingIngestor : IArticleIngestor
    {
        public List<(string Blob, BlobVersion? Delivered)> Calls { get; } = [];

        public Task<IngestionRecord> IngestAsync(string blobName, CancellationToken cancellationToken = default) => Record(blobName, null);

        public Task<IngestionRecord> IngestAsync(string blobName, BlobVersion delivered, CancellationToken cancellationToken = default) => Record(blobName, delivered);

        private Task<IngestionRecord> Record(string blobName, BlobVersion? delivered)
        {
            Calls.Add((blobName, delivered));
            return Task.FromResult(new IngestionRecord(blobName, IngestionStatus.Succeeded, [], 1, null, null, delivered, DateTimeOffset.UtcNow));
        }
    }
}
