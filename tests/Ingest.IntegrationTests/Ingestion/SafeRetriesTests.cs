using Ingest.Core.Api;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>
/// Calls that storage carried out but whose answer was lost (a 503 after the work was done): the retry must either
/// repeat the work harmlessly or recognise it as already done. The routes run in-process on real Azurite.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class SafeRetriesTests(AzuriteFixture azurite)
{
    private const string Article = "Harbour Reopens\n\nThe harbour reopened on Monday after a week of repairs to the sea wall.";

    [Theory]
    [InlineData(1)]
    [InlineData(200_000)]
    public async Task Upload_AnswerLostAfterStorageReadTheBody_RetriesFromTheBufferAndStoresTheFile(int paragraphs)
    {
        var faults = new FaultInjector(FaultInjector.IsBlobUpload);
        var storage = await azurite.NewStorageAsync(faults.AddTo);
        var body = Article + string.Concat(Enumerable.Repeat("\n\nThe sea wall held.", paragraphs - 1));

        var result = await Endpoints(storage).UploadAsync(ApiRequests.Make("name", "harbour.txt", body), CancellationToken.None);

        Assert.Equal(1, faults.Injected);
        Assert.Equal(StatusCodes.Status202Accepted, ApiRequests.StatusOf(result));
        var stored = await storage.Articles.Container.GetBlobClient("harbour.txt").DownloadContentAsync();
        Assert.Equal(body, stored.Value.Content.ToString());
    }

    [Fact]
    public async Task Delete_CatalogTransactionDoneButUnacknowledged_RemovesEverythingAndAnswersNoContent()
    {
        var storage = await azurite.NewStorageAsync();
        var record = await IngestAsync(storage, "harbour.txt", Article);
        var id = record.ArticleIds.Single();
        // Only the delete's calls are to meet the faults, not the ingestion's: each of its writes is answered 503 once.
        var options = storage.Options;
        FaultInjector[] faults =
        [
            new(r => FaultInjector.IsTransactionOn(r, options.ArticlesTable)),
            new(r => FaultInjector.IsTransactionOn(r, options.SectionsTable)),
            new(r => r.Method == Azure.Core.RequestMethod.Delete && r.Uri.Path.Contains(options.IngestionsTable + "(", StringComparison.Ordinal)),
        ];
        var faulty = new IngestStorage(azurite.ConnectionString, options, o => Array.ForEach(faults, f => f.AddTo(o)));

        var result = await Endpoints(faulty).DeleteAsync(id, CancellationToken.None);

        Assert.Equal(StatusCodes.Status204NoContent, ApiRequests.StatusOf(result));
        Assert.All(faults, f => Assert.Equal(1, f.Injected));
        Assert.Null(await new ArticleStore(storage, TimeProvider.System).GetAsync(id));
        Assert.Empty(storage.SectionsTable.Query<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id).ToList());
        Assert.Null(await new IngestionStore(storage).GetAsync("harbour.txt"));
    }

    [Fact]
    public async Task Reprocess_MetadataSetButUnacknowledged_AnswersAccepted()
    {
        var storage = await azurite.NewStorageAsync();
        await storage.Articles.Container.GetBlobClient("harbour.txt").UploadAsync(BinaryData.FromString(Article));
        var faults = new FaultInjector(FaultInjector.IsMetadataWrite);
        var faulty = new IngestStorage(azurite.ConnectionString, storage.Options, faults.AddTo);
        var endpoints = new IngestionEndpoints(faulty, new IngestionStore(faulty), TimeProvider.System);

        var result = await endpoints.ReprocessAsync(ApiRequests.Make("blob", "harbour.txt"), CancellationToken.None);

        Assert.Equal(1, faults.Injected);
        Assert.Equal(StatusCodes.Status202Accepted, ApiRequests.StatusOf(result));
        var properties = await storage.Articles.Container.GetBlobClient("harbour.txt").GetPropertiesAsync();
        Assert.True(properties.Value.Metadata.ContainsKey(ArticleIngestor.ReprocessMetadataKey));
    }

    private static ArticleEndpoints Endpoints(IngestStorage storage) =>
        new(storage, new ArticleStore(storage, TimeProvider.System), new IngestionStore(storage));

    private static async Task<IngestionRecord> IngestAsync(IngestStorage storage, string name, string content)
    {
        await storage.Articles.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, new IngestionStore(storage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        return await ingestor.IngestAsync(name);
    }
}
