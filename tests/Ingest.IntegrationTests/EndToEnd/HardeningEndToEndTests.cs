using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Ingestion;
using Ingest.Host.Development;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>What users of other pipelines complain of, tried against a running host: odd names, overwrites, poison, injection, forged input.</summary>
[Collection(AzuriteTests.Name)]
public sealed class HardeningEndToEndTests(RunningHost host) : IClassFixture<RunningHost>
{
    public static TheoryData<string> OddNames() => new()
    {
        "with spaces in it.txt",
        "ünïcødé/记者 报道.txt",
        "hash#tag.txt",
        "question?mark.txt",
        "percent%20literal%.txt",
        "dots..in/..the...name.txt",
        "quote's \"double\".txt",
        new string('n', 996) + ".txt",
    };

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task OddBlobName_IsIngestedAndFoundByName(string name)
    {
        await host.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString("Odd Name Story\n\nA story whose file has an unusual name."), overwrite: true);

        var ingestion = await host.WaitForIngestionAsync(name);
        using var article = await host.Client.GetAsync(Api($"/api/articles/{ingestion.ArticleIds.Single()}"));

        Assert.Equal(name, ingestion.Blob);
        Assert.Equal(IngestionStatus.Succeeded, ingestion.Status);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Matches("^[a-z0-9-]+$", ingestion.ArticleIds.Single());
    }

    public static TheoryData<string, byte[], string, string?> HostileFiles()
    {
        var nested = "<article><p>Shallow paragraph of a hostile page.</p>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "<p>Deep.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 50_000)) + "</article>";
        return new()
        {
            { "hostile/forty-megabytes.txt", new byte[40 * 1024 * 1024], IngestionStatus.Failed, "too-large" },
            { "hostile/five-megabyte-line.txt", System.Text.Encoding.UTF8.GetBytes("Long Line Story\n\n" + string.Concat(Enumerable.Repeat("word ", 1_000_000))), IngestionStatus.Succeeded, null },
            { "hostile/nested.html", System.Text.Encoding.UTF8.GetBytes(nested), IngestionStatus.Succeeded, null },
            { "hostile/nul-bytes.txt", [.. System.Text.Encoding.UTF8.GetBytes("Nul Story\n\nText "), 0, 0, .. System.Text.Encoding.UTF8.GetBytes(" with two NULs in a long enough paragraph of words.")], IngestionStatus.Succeeded, null },
            { "hostile/all-nul.txt", new byte[4_096], IngestionStatus.Failed, "binary" },
            { "hostile/invalid-utf8.txt", [.. "Caf"u8.ToArray(), 0xE9, .. " Story\n\nThe caf"u8.ToArray(), 0xE9, .. " opened "u8.ToArray(), 0x96, .. " on Monday."u8.ToArray()], IngestionStatus.Succeeded, null },
            { "hostile/whitespace.txt", System.Text.Encoding.UTF8.GetBytes(" \r\n\t\u00A0\u200B \n"), IngestionStatus.Failed, "empty" },
            { "hostile/wrong-types.json", System.Text.Encoding.UTF8.GetBytes("{\"title\": 42, \"body\": [1, 2]}"), IngestionStatus.Failed, "wrong-field-type" },
            { "hostile/png-as.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0], IngestionStatus.Failed, "binary" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task HostileFile_EndsRecordedAtTheFirstAttemptAndTheHostLives(string name, byte[] content, string status, string? errorCode)
    {
        await host.Container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);

        var ingestion = await host.WaitForIngestionAsync(name);
        using var health = await host.Client.GetAsync(Api("/api/health"));

        Assert.Equal(status, ingestion.Status);
        Assert.Equal(errorCode, ingestion.Error?.Code);
        Assert.Equal(1, ingestion.Attempts);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(host.Host.HasExited);
    }

    [Fact]
    public async Task Reprocess_UnchangedBlob_IsExtractedAgain()
    {
        const string name = "reprocess-me.txt";
        await host.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString("Reprocessed Story\n\nSame text twice."), overwrite: true);
        var first = await host.WaitForIngestionAsync(name);
        using var request = new HttpRequestMessage(HttpMethod.Post, Api("/api/ingestions/reprocess?blob=" + Uri.EscapeDataString(name)));
        request.Headers.Add("x-functions-key", RunningHost.ApiKey);

        using var accepted = await host.Client.SendAsync(request);
        var etag = (await host.Container.GetBlobClient(name).GetPropertiesAsync()).Value.ETag.ToString();
        var second = await host.WaitForIngestionAsync(name, etag: etag);
        var article = await host.Client.GetFromJsonAsync(Api($"/api/articles/{second.ArticleIds.Single()}"), IngestJson.Context.ArticleDto);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(IngestionStatus.Succeeded, second.Status);
        Assert.Equal(2, article!.Version);
    }

    [Fact]
    public async Task Reprocess_NoSuchBlob_Is404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Api("/api/ingestions/reprocess?blob=never-there.txt"));
        request.Headers.Add("x-functions-key", RunningHost.ApiKey);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BlobOverwrittenFiveTimesQuickly_EndsHoldingTheLastContent()
    {
        const string name = "overwritten.txt";
        var blob = host.Container.GetBlobClient(name);
        for (var version = 1; version <= 5; version++)
        {
            await blob.UploadAsync(BinaryData.FromString($"Version {version} Headline\n\nThe text of version {version}."), overwrite: true);
        }

        var last = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var ingestion = await host.WaitForIngestionAsync(name, etag: last);
        var article = await host.Client.GetFromJsonAsync(Api($"/api/articles/{ingestion.ArticleIds.Single()}"), IngestJson.Context.ArticleDto);

        Assert.Equal("Version 5 Headline", article!.Title);
        Assert.Equal(last, article.Source.ETag);
    }

    [Theory]
    [InlineData("category")]
    [InlineData("author")]
    [InlineData("source")]
    public async Task FilterParameter_InjectionAttempts_NeverReturnOtherRows(string parameter)
    {
        await host.Container.GetBlobClient("bait.txt").UploadAsync(BinaryData.FromString("Bait Story\n\nBy Ann Lee\n\nA story any injection would return."), overwrite: true);
        await host.WaitForIngestionAsync("bait.txt");

        foreach (var attack in new[] { "x' or 'a' eq 'a", "x') or (PartitionKey ne '", "x' or RowKey gt '", "%27 or 1 eq 1", "x\" or \"\"=\"", "' or true or '" })
        {
            using var response = await host.Client.GetAsync(Api($"/api/articles?{parameter}=" + Uri.EscapeDataString(attack)));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{parameter}={attack}: {response.StatusCode} {body}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Empty((await response.Content.ReadFromJsonAsync(IngestJson.Context.PageDtoArticleSummaryDto))!.Items);
            }
        }
    }

    [Theory]
    [InlineData("/api/ingestions?status=" + "failed%27%20or%20%27a%27%20eq%20%27a", HttpStatusCode.BadRequest)]
    [InlineData("/api/ingestions?blob=" + "x%27%20or%20%27a%27%20eq%20%27a", HttpStatusCode.NotFound)]
    [InlineData("/api/articles?publishedFrom=" + "2025-01-01%27%20or%20%27%27%3D%27", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?publishedTo=2025-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?top=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?top=1e2", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/x%27%20or%20%27a/sections", HttpStatusCode.NotFound)]
    public async Task OtherParameters_InjectionAndBadValues_AreRefused(string path, HttpStatusCode status)
    {
        using var response = await host.Client.GetAsync(Api(path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ContinuationToken_ForgedOrFromAnotherQuery_Is400()
    {
        for (var i = 0; i < 3; i++)
        {
            await host.Container.GetBlobClient($"page-{i}.txt").UploadAsync(BinaryData.FromString($"Paged Story {i}\n\nText {i}."), overwrite: true);
            await host.WaitForIngestionAsync($"page-{i}.txt");
        }

        var first = await host.Client.GetFromJsonAsync(Api("/api/articles?top=1"), IngestJson.Context.PageDtoArticleSummaryDto);
        var token = first!.ContinuationToken!;
        var forged = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        using var good = await host.Client.GetAsync(Api("/api/articles?top=1&continuationToken=" + token));
        using var altered = await host.Client.GetAsync(Api("/api/articles?top=1&continuationToken=" + forged));
        using var otherQuery = await host.Client.GetAsync(Api("/api/articles?top=1&category=news&continuationToken=" + token));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherQuery.StatusCode);
    }

    [Theory]
    [InlineData("x/../../azure-webjobs-hosts/evil.txt", "evil.txt")]
    [InlineData("./dot.txt", "dot.txt")]
    [InlineData("a/./b/../c.txt", "a/c.txt")]
    public async Task UploadNamedOutOfItsPlace_Is400AndWritesNothing(string name, string wouldBeWritten)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Api("/api/articles?name=" + Uri.EscapeDataString(name))) { Content = new StringContent("Story\n\nText.") };
        request.Headers.Add("x-functions-key", RunningHost.ApiKey);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await host.Container.GetBlobClient(wouldBeWritten).ExistsAsync());
        Assert.False(await new BlobContainerClient(host.ConnectionString, "azure-webjobs-hosts").GetBlobClient(wouldBeWritten).ExistsAsync());
    }

    [Fact]
    public async Task UploadOverTheLimit_Is413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Api("/api/articles?name=huge.txt")) { Content = new ByteArrayContent(new byte[11 * 1024 * 1024]) };
        request.Headers.Add("x-functions-key", RunningHost.ApiKey);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await host.Container.GetBlobClient("huge.txt").ExistsAsync());
    }

    [Fact]
    public async Task HostOutput_NeverShowsTheAccountKey()
    {
        using var _ = await host.Client.GetAsync(Api("/api/articles?continuationToken=forged"));

        Assert.DoesNotContain(LocalAzurite.AccountKey, host.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", host.Host.Output, StringComparison.Ordinal);
    }

    private static Uri Api(string path) => new(path, UriKind.Relative);
}
