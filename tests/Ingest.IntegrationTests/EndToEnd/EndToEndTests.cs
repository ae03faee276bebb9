using System.Net;
using System.Net.Http.Json;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;
using Ingest.Eval;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>The product as a user meets it: a file dropped into the container, read back through the HTTP API of a running host.</summary>
[Collection(AzuriteTests.Name)]
public sealed class EndToEndTests(RunningHost host) : IClassFixture<RunningHost>
{
    private const string SeedBlob = "e2e/" + TestArticles.SeedFile;
    private static readonly string SeedId = BlobKeys.ArticleId(SeedBlob);

    [Fact]
    public async Task OpenApiDocument_IsTheCheckedInOne()
    {
        var served = await host.Client.GetStringAsync(Api("/openapi/v1.json"));
        var checkedIn = Path.Combine(Ingest.Host.Development.RepositoryRoot.Find()!, "docs", "openapi.json");
        using var docs = await host.Client.GetAsync(Api("/api/docs"));

        if (!File.Exists(checkedIn) || Normalised(await File.ReadAllTextAsync(checkedIn)) != Normalised(served))
        {
            var fresh = Path.Combine(AppContext.BaseDirectory, "openapi.json");
            await File.WriteAllTextAsync(fresh, served);
            Assert.Fail($"docs/openapi.json differs from what the host serves: the code changed the API. Review and copy {fresh} to docs/openapi.json.");
        }

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    private static string Normalised(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public async Task HealthReady_RunningHost_ReportsEveryServiceAndTheTriggerHealthy()
    {
        await IngestSeedAsync(); // the host is up and its trigger has delivered a blob
        using var ready = await host.Client.GetAsync(Api("/api/health/ready"));
        var body = await ready.Content.ReadAsStringAsync();
        var report = System.Text.Json.JsonSerializer.Deserialize(body, IngestJson.Context.HealthReportDto);
        using var live = await host.Client.GetAsync(Api("/api/health/live"));

        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(["blob", "queue", "table", "trigger"], report!.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(report.Checks, c => Assert.Equal("healthy", c.Status));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task<ArticleDto> IngestSeedAsync()
    {
        var blob = host.Container.GetBlobClient(SeedBlob);
        if (!await blob.ExistsAsync())
        {
            await blob.UploadAsync(TestArticles.TestDataPath(TestArticles.SeedFile));
        }

        var ingestion = await host.WaitForIngestionAsync(SeedBlob);
        Assert.Equal("succeeded", ingestion.Status);
        Assert.Equal([SeedId], ingestion.ArticleIds);
        Assert.Null(ingestion.Error);
        return (await host.Client.GetFromJsonAsync(Api($"/api/articles/{SeedId}"), IngestJson.Context.ArticleDto))!;
    }

    [Fact]
    public async Task DroppedSeed_ServedByGetArticle_FieldByField()
    {
        var article = await IngestSeedAsync();

        Assert.Empty(ExpectedArticle.Load(TestArticles.TestDataPath("000_dafa8b1eafac571b.expected.json")).Compare(article));
        Assert.Equal(SeedId, article.Id);
        Assert.Equal(host.Options.ArticlesContainer, article.Source.Container);
        Assert.Equal(SeedBlob, article.Source.Blob);
        Assert.Equal("utf-8", article.Source.Encoding);
        Assert.Equal(new FileInfo(TestArticles.TestDataPath(TestArticles.SeedFile)).Length, article.Source.SizeBytes);
        Assert.Matches("^[0-9a-f]{32}$", article.Source.ContentHash);
        Assert.Equal((await host.Container.GetBlobClient(SeedBlob).GetPropertiesAsync()).Value.ETag.ToString(), article.Source.ETag);
        Assert.Equal(1, article.Version);
        Assert.Equal(12, article.SectionCount);
        Assert.Equal("en", article.Language);
        Assert.Equal(5, article.ReadingTimeMinutes);
        Assert.Equal("byline", article.Provenance.Authors);
    }

    [Fact]
    public async Task DroppedSeed_SectionRoutesAndText()
    {
        var article = await IngestSeedAsync();

        var sections = await host.Client.GetFromJsonAsync(Api($"/api/articles/{SeedId}/sections"), IngestJson.Context.ItemsDtoSectionDto);
        var third = await host.Client.GetFromJsonAsync(Api($"/api/articles/{SeedId}/sections/3"), IngestJson.Context.SectionDto);
        using var text = await host.Client.GetAsync(Api($"/api/articles/{SeedId}/text"));
        var body = await text.Content.ReadAsStringAsync();

        Assert.Equal(article.Sections.Select(s => s.Heading), sections!.Items.Select(s => s.Heading));
        Assert.Equal(3, third!.Index);
        Assert.Equal("Context of Ongoing Protests in Iran", third.Heading);
        Assert.Equal("text/plain; charset=utf-8", text.Content.Headers.ContentType?.ToString());
        Assert.StartsWith(article.Title + "\n\nTehran (Brussels Morning Newspaper)", body, StringComparison.Ordinal);
        Assert.Contains("\n\nWestern Media Coverage and Fact-Checking\n\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DroppedSeed_InTheRecentFeedAndItsStatusListing()
    {
        await IngestSeedAsync();

        var recent = await host.Client.GetFromJsonAsync(Api("/api/ingestions/recent?top=100"), IngestJson.Context.PageDtoIngestionDto);
        var succeeded = await host.Client.GetFromJsonAsync(Api("/api/ingestions?status=succeeded&top=100"), IngestJson.Context.PageDtoIngestionDto);

        Assert.Contains(recent!.Items, i => i.Blob == SeedBlob && i.Status == "succeeded");
        Assert.Equal(recent.Items.OrderByDescending(i => i.UpdatedAt).Select(i => i.Blob), recent.Items.Select(i => i.Blob));
        Assert.Contains(succeeded!.Items, i => i.Blob == SeedBlob);
    }

    [Fact]
    public async Task DroppedSeed_ListedAndFilterable()
    {
        await IngestSeedAsync();

        var byCategory = await host.Client.GetFromJsonAsync(Api("/api/articles?category=iran%20news&top=5"), IngestJson.Context.PageDtoArticleSummaryDto);
        var bySource = await host.Client.GetFromJsonAsync(Api("/api/articles?source=" + Uri.EscapeDataString(SeedBlob)), IngestJson.Context.PageDtoArticleSummaryDto);
        var otherAuthor = await host.Client.GetFromJsonAsync(Api("/api/articles?author=Nobody"), IngestJson.Context.PageDtoArticleSummaryDto);

        Assert.Contains(SeedId, byCategory!.Items.Select(i => i.Id));
        Assert.Equal([SeedId], bySource!.Items.Select(i => i.Id));
        Assert.Empty(otherAuthor!.Items);
    }

    [Theory]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/articles/no-such-article/sections")]
    [InlineData("/api/articles/no-such-article/sections/0")]
    [InlineData("/api/articles/no-such-article/text")]
    [InlineData("/api/ingestions?blob=never-seen.txt")]
    [InlineData("/api/no-such-route")]
    public async Task UnknownThings_Are404ProblemJson(string path)
    {
        using var response = await host.Client.GetAsync(Api(path));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SectionIndexPastTheEnd_Is404ProblemJson()
    {
        await IngestSeedAsync();

        using var response = await host.Client.GetAsync(Api($"/api/articles/{SeedId}/sections/12"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/articles?top=0")]
    [InlineData("/api/articles?top=abc")]
    [InlineData("/api/articles?publishedFrom=2025-13-01")]
    [InlineData("/api/articles?continuationToken=not-ours!")]
    [InlineData("/api/ingestions?status=done")]
    [InlineData("/api/ingestions")]
    [InlineData("/api/ingestions/recent?top=101")]
    [InlineData("/api/ingestions/recent?continuationToken=not-ours!")]
    public async Task BadQueryValues_Are400ProblemJson(string path)
    {
        using var response = await host.Client.GetAsync(Api(path));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task WriteRoutes_WithoutTheKey_Are401(string? key)
    {
        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Post, Api("/api/articles?name=x.txt")) { Content = new StringContent("Title\n\nText.") },
            new HttpRequestMessage(HttpMethod.Delete, Api($"/api/articles/{SeedId}")),
            new HttpRequestMessage(HttpMethod.Post, Api("/api/ingestions/reprocess?blob=x.txt")),
        })
        {
            if (key is not null)
            {
                request.Headers.Add("x-functions-key", key);
            }

            using var response = await host.Client.SendAsync(request);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task PostedArticle_IsIngestedThenDeleted()
    {
        const string name = "posted/harbour news.txt";
        using var post = new HttpRequestMessage(HttpMethod.Post, Api("/api/articles?name=" + Uri.EscapeDataString(name)))
        {
            Content = new StringContent("Harbour Reopens After Storm Repairs\n\nBy Ann Lee | Published 3 March 2025\n\nThe harbour reopened on Monday after three weeks of repairs to the sea wall and the fish market, the port authority said."),
        };
        post.Headers.Add("x-functions-key", RunningHost.ApiKey);

        using var accepted = await host.Client.SendAsync(post);
        var upload = await accepted.Content.ReadFromJsonAsync(IngestJson.Context.UploadAcceptedDto);
        var ingestion = await host.WaitForIngestionAsync(name);
        var id = Assert.Single(ingestion.ArticleIds);
        var article = await host.Client.GetFromJsonAsync(Api($"/api/articles/{id}"), IngestJson.Context.ArticleDto);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // The answer names the version written, so a client can wait for exactly that one to be ingested.
        Assert.Equal(new UploadAcceptedDto(name, "/api/ingestions?blob=posted%2Fharbour%20news.txt", ingestion.ETag), upload);
        Assert.Equal("Harbour Reopens After Storm Repairs", article!.Title);
        Assert.Equal(["Ann Lee"], article.Authors);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, Api($"/api/articles/{id}"));
        delete.Headers.Add("x-functions-key", RunningHost.ApiKey);
        using var deleted = await host.Client.SendAsync(delete);
        using var gone = await host.Client.GetAsync(Api($"/api/articles/{id}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(await host.Container.GetBlobClient(name).ExistsAsync());
    }

    private static Uri Api(string path) => new(path, UriKind.Relative);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"status\":{(int)status}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
