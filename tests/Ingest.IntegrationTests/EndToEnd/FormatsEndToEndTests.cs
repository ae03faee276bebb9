using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Storage;
using Ingest.Eval;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>A saved web page, a Markdown export and a scraper's JSON array dropped into the container of a running host.</summary>
[Collection(AzuriteTests.Name)]
public sealed class FormatsEndToEndTests(RunningHost host) : IClassFixture<RunningHost>
{
    [Theory]
    [InlineData("carrow-fell-comet.html", "pages/carrow-fell-comet.html")]
    [InlineData("tidewater-museum-reopens.md", "exports/tidewater museum.md")]
    public async Task DroppedFile_ServedAsExpected(string sample, string blobName)
    {
        var expected = ExpectedArticle.Load(Corpus(Path.GetFileNameWithoutExtension(sample) + ".expected.json"));
        await host.Container.GetBlobClient(blobName).UploadAsync(Corpus(sample), overwrite: true);

        var ingestion = await host.WaitForIngestionAsync(blobName);
        var id = Assert.Single(ingestion.ArticleIds);
        var article = await host.Client.GetFromJsonAsync(new Uri($"/api/articles/{id}", UriKind.Relative), IngestJson.Context.ArticleDto);

        Assert.Equal("succeeded", ingestion.Status);
        Assert.NotNull(article);
        Assert.Empty(expected.Compare(article));
        Assert.Equal(BlobKeys.ArticleId(blobName), article.Id);
    }

    [Fact]
    public async Task DroppedJsonArray_OneArticlePerElement_AllListedInTheIngestion()
    {
        const string blobName = "feeds/weather.json";
        var orrin = JsonNode.Parse(File.ReadAllText(Corpus("orrin-valley-late-frost.json")))!;
        var array = new JsonArray(
            orrin.DeepClone(),
            new JsonObject { ["headline"] = "Second Story", ["author"] = "Ann Lee", ["datePublished"] = "2025-05-03", ["body"] = "A second story's only paragraph, with enough words to count as text." },
            new JsonObject { ["title"] = "Third Story", ["sections"] = new JsonArray(new JsonObject { ["heading"] = "Only Part", ["paragraphs"] = new JsonArray("Third text.") }) });
        await host.Container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(array.ToJsonString()), overwrite: true);

        var ingestion = await host.WaitForIngestionAsync(blobName);
        var articles = new List<ArticleDto>();
        foreach (var id in ingestion.ArticleIds)
        {
            articles.Add((await host.Client.GetFromJsonAsync(new Uri($"/api/articles/{id}", UriKind.Relative), IngestJson.Context.ArticleDto))!);
        }

        var listed = await host.Client.GetFromJsonAsync(new Uri("/api/articles?source=" + Uri.EscapeDataString(blobName), UriKind.Relative), IngestJson.Context.PageDtoArticleSummaryDto);

        Assert.Equal("succeeded", ingestion.Status);
        Assert.Equal([BlobKeys.ArticleId(blobName, 0), BlobKeys.ArticleId(blobName, 1), BlobKeys.ArticleId(blobName, 2)], ingestion.ArticleIds);
        Assert.Equal(["Late Frost Threatens Blossom in Orrin Valley Orchards", "Second Story", "Third Story"], articles.Select(a => a.Title));
        Assert.Empty(ExpectedArticle.Load(Corpus("orrin-valley-late-frost.expected.json")).Compare(articles[0]));
        Assert.Equal(["Ann Lee"], articles[1].Authors);
        Assert.Equal("json", articles[1].Provenance.Title);
        Assert.Equal(["Only Part"], articles[2].Sections.Select(s => s.Heading));
        Assert.Equal(3, listed!.Items.Count);
    }

    private static string Corpus(string file) => TestArticles.TestDataPath(Path.Combine("Corpus", file));
}
