using Azure.Storage.Queues;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>A blob the trigger gave up on, as the running host learns of it from the poison queue.</summary>
[Collection(AzuriteTests.Name)]
public sealed class PoisonEndToEndTests(RunningHostWithoutSweep host, AzuriteFixture azurite) : IClassFixture<RunningHostWithoutSweep>
{
    [Fact]
    public async Task PoisonQueueMessage_MarksTheBlobPoisoned()
    {
        const string name = "always-failing.txt";
        var blob = host.Container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString("A File Storage Kept Failing On\n\nIts text."), overwrite: true);
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        await host.WaitForIngestionAsync(name);
        var storage = new IngestStorage(azurite.ConnectionString, host.Options);
        // As five attempts that all failed for a transient reason would have left it.
        await new IngestionStore(storage).UpdateAsync(name, current => current! with { Status = IngestionStatus.Processing, Attempts = 5, ErrorCode = "transient", ErrorMessage = "Storage answered 503 ServerBusy" });
        var poison = new QueueClient(azurite.ConnectionString, PoisonedBlobRecorder.QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();

        await poison.SendMessageAsync($$"""{"Type":"BlobTrigger","FunctionId":"Host.Functions.ArticleBlobTrigger","BlobType":"BlockBlob","ContainerName":"{{host.Options.ArticlesContainer}}","BlobName":"{{name}}","ETag":"{{etag.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""");
        var ingestion = await host.WaitForIngestionAsync(name, status: IngestionStatus.Poisoned);

        Assert.Equal(IngestionStatus.Poisoned, ingestion.Status);
        Assert.Equal(5, ingestion.Attempts);
        Assert.Equal("poisoned", ingestion.Error?.Code);
    }
}
