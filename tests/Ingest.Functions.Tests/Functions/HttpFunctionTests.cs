using Ingest.Core.Api;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Api.Health;
using Ingest.Core.Composition;
using Ingest.Core.Storage;
using Ingest.Functions.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Moq;

namespace Ingest.Functions.Tests.Functions;

/// <summary>
/// The HTTP functions called directly, as the platform notes advise, with a <see cref="DefaultHttpContext"/>. These cases
/// are decided before storage is touched, so the storage clients point at a port nothing listens on.
/// </summary>
public sealed class HttpFunctionTests
{
    private static readonly IngestStorage UnreachableStorage = new(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
        new IngestOptions { MaxBlobBytes = 1_000, StorageRetries = 0 });

    private static readonly ArticleStore Articles = new(UnreachableStorage, TimeProvider.System);
    private static readonly IngestionStore Ingestions = new(UnreachableStorage);

    private readonly ArticleHttpFunctions _articleFunctions = new(new ArticleEndpoints(UnreachableStorage, Articles, Ingestions));
    private readonly IngestionHttpFunctions _ingestionFunctions = new(new IngestionEndpoints(UnreachableStorage, Ingestions, TimeProvider.System), UnreachableHealth());

    private static HealthEndpoint UnreachableHealth()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(UnreachableStorage);
        services.AddHealthChecks().AddIngestStorageChecks();
        return new HealthEndpoint(UnreachableStorage, services.BuildServiceProvider().GetRequiredService<HealthCheckService>());
    }

    [Theory]
    [InlineData("?top=0")]
    [InlineData("?top=101")]
    [InlineData("?top=ten")]
    [InlineData("?publishedFrom=20250101")]
    [InlineData("?publishedFrom=2025-03-02&publishedTo=2025-03-01")]
    [InlineData("?category=a&category=b")]
    public async Task ListArticles_BadQueryValue_Is400Problem(string query)
    {
        var context = NewContext(query);

        await ExecuteAsync(await _articleFunctions.ListAsync(context.Request, CancellationToken.None), context);

        await AssertProblemAsync(context, StatusCodes.Status400BadRequest);
    }

    [Fact]
    public async Task GetArticleSection_IndexNotANumber_Is400Problem()
    {
        var context = NewContext();

        await ExecuteAsync(await _articleFunctions.GetSectionAsync(context.Request, "some-id", "first", CancellationToken.None), context);

        await AssertProblemAsync(context, StatusCodes.Status400BadRequest);
    }

    [Fact]
    public async Task GetArticle_MalformedId_Is404WithoutAskingStorage()
    {
        var context = NewContext();

        await ExecuteAsync(await _articleFunctions.GetAsync(context.Request, "Not/An Id", CancellationToken.None), context);

        await AssertProblemAsync(context, StatusCodes.Status404NotFound);
    }

    [Theory]
    [InlineData("", StatusCodes.Status400BadRequest)]
    [InlineData("?name=bad%01name.txt", StatusCodes.Status400BadRequest)]
    [InlineData("?name=ends-with-dot.", StatusCodes.Status400BadRequest)]
    [InlineData("?name=big.txt", StatusCodes.Status413PayloadTooLarge)]
    public async Task UploadArticle_RefusedBeforeWriting(string query, int status)
    {
        var context = NewContext(query);
        context.Request.Body = new MemoryStream(new byte[2_000]);

        await ExecuteAsync(await _articleFunctions.UploadAsync(context.Request, CancellationToken.None), context);

        await AssertProblemAsync(context, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?blob=a.txt&status=failed")]
    [InlineData("?status=finished")]
    public async Task GetIngestions_NeitherOrBothOrUnknownStatus_Is400Problem(string query)
    {
        var context = NewContext(query);

        await ExecuteAsync(await _ingestionFunctions.GetAsync(context.Request, CancellationToken.None), context);

        await AssertProblemAsync(context, StatusCodes.Status400BadRequest);
    }

    [Fact]
    public async Task Health_StorageUnreachable_Is503Problem()
    {
        var context = NewContext();

        await ExecuteAsync(await _ingestionFunctions.HealthAsync(context.Request, CancellationToken.None), context);

        await AssertProblemAsync(context, StatusCodes.Status503ServiceUnavailable);
    }

    [Fact]
    public async Task HealthReady_StorageUnreachable_Is503NamingEachService()
    {
        var context = NewContext();

        await ExecuteAsync(await _ingestionFunctions.HealthReadyAsync(context.Request, CancellationToken.None), context);

        context.Response.Body.Position = 0;
        var report = await System.Text.Json.JsonSerializer.DeserializeAsync(context.Response.Body, IngestJson.Context.HealthReportDto);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("unhealthy", report?.Status);
        Assert.Equal(["blob", "queue", "table"], report!.Checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(report.Checks, c => Assert.Equal("unhealthy", c.Status));
    }

    [Fact]
    public async Task HealthLive_StorageUnreachable_Is200()
    {
        var context = NewContext();

        await ExecuteAsync(IngestionHttpFunctions.HealthLive(context.Request), context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static DefaultHttpContext NewContext(string query = "")
    {
        var logger = new Mock<ILogger>();
        var loggers = new Mock<ILoggerFactory>();
        loggers.Setup(f => f.CreateLogger(It.IsAny<string>())).Returns(logger.Object);
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(loggers.Object).BuildServiceProvider(),
        };
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static Task ExecuteAsync(IResult result, HttpContext context) => result.ExecuteAsync(context);

    private static async Task AssertProblemAsync(HttpContext context, int status)
    {
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Contains($"\"status\":{status}", body, StringComparison.Ordinal);
    }
}
