using Ingest.Core.Api;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Api.Health;
using Ingest.Host.Api.OpenApi;

namespace Ingest.Host.Api;

/// <summary>
/// Maps every route of the HTTP contract to the Core handlers, as the Functions app's HTTP triggers do, each described
/// for the OpenAPI document (<c>/openapi/v1.json</c>, checked in as docs/openapi.json).
/// </summary>
internal static class IngestApi
{
    private static readonly QueryParameter Top = new("top", "Page size, 1–100 (default 20).", "integer");
    private static readonly QueryParameter ContinuationToken = new("continuationToken", "The token of the previous page.");

    public static void MapIngestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Routes.Prefix).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        var articles = api.MapGroup("").WithTags("Articles");
        var ingestions = api.MapGroup("").WithTags("Ingestions");
        var health = api.MapGroup("").WithTags("Health");

        articles.MapGet(Routes.Articles, (HttpRequest request, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.ListAsync(request, ct))
            .WithName("ListArticles").WithSummary("A page of article summaries, newest first, optionally filtered.")
            .Produces<PageDto<ArticleSummaryDto>>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(Top, ContinuationToken,
                new QueryParameter("category", "Only this category (case-insensitive)."),
                new QueryParameter("author", "Only articles by this author."),
                new QueryParameter("publishedFrom", "Published on or after (yyyy-MM-dd).", Format: "date"),
                new QueryParameter("publishedTo", "Published on or before (yyyy-MM-dd).", Format: "date"),
                new QueryParameter("source", "Only the articles of this blob."));
        articles.MapGet(Routes.Article, (string id, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.GetAsync(id, ct))
            .WithName("GetArticle").WithSummary("One article with its sections.")
            .Produces<ArticleDto>().ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet(Routes.ArticleSections, (string id, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.GetSectionsAsync(id, ct))
            .WithName("GetArticleSections").WithSummary("An article's sections.")
            .Produces<ItemsDto<SectionDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet(Routes.ArticleSection, (string id, string index, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.GetSectionAsync(id, index, ct))
            .WithName("GetArticleSection").WithSummary("One section of an article, by its 0-based index.")
            .Produces<SectionDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet(Routes.ArticleText, (string id, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.GetTextAsync(id, ct))
            .WithName("GetArticleText").WithSummary("An article as plain text.")
            .Produces<string>(contentType: "text/plain").ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPost(Routes.Articles, (HttpRequest request, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.UploadAsync(request, ct))
            .WithName("UploadArticle").WithSummary("The body becomes a blob in the articles container, as if dropped there.")
            .Produces<UploadAcceptedDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new QueryParameter("name", "The blob name to write.", Required: true), new RequiresFunctionKey(), new RawBody("The file, any format Ingest reads, as is."))
            .AddEndpointFilter<ApiKeyFilter>();
        articles.MapDelete(Routes.Article, (string id, ArticleEndpoints endpoints, CancellationToken ct) => endpoints.DeleteAsync(id, ct))
            .WithName("DeleteArticle").WithSummary("Deletes the article's source blob and everything stored from it.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new RequiresFunctionKey())
            .AddEndpointFilter<ApiKeyFilter>();

        ingestions.MapGet(Routes.Ingestions, (HttpRequest request, IngestionEndpoints endpoints, CancellationToken ct) => endpoints.GetAsync(request, ct))
            .WithName("GetIngestions").WithSummary("One blob's ingestion (blob=…), or a page of ingestions with a status (status=…).")
            .Produces<IngestionDto>().Produces<PageDto<IngestionDto>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new QueryParameter("blob", "The blob name."), new QueryParameter("status", "processing, succeeded, unchanged, failed or poisoned."), Top, ContinuationToken);
        ingestions.MapGet(Routes.RecentIngestions, (HttpRequest request, IngestionEndpoints endpoints, CancellationToken ct) => endpoints.GetRecentAsync(request, ct))
            .WithName("GetRecentIngestions").WithSummary("Every blob's latest ingestion, the latest run begun first.")
            .Produces<PageDto<IngestionDto>>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(Top, ContinuationToken);
        ingestions.MapPost(Routes.Reprocess, (HttpRequest request, IngestionEndpoints endpoints, CancellationToken ct) => endpoints.ReprocessAsync(request, ct))
            .WithName("ReprocessIngestion").WithSummary("Extracts the blob again, even if its content is unchanged.")
            .Produces<UploadAcceptedDto>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new QueryParameter("blob", "The blob name.", Required: true), new RequiresFunctionKey())
            .AddEndpointFilter<ApiKeyFilter>();

        health.MapGet(Routes.Health, (HealthEndpoint endpoint, CancellationToken ct) => endpoint.GetAsync(ct))
            .WithName("Health").WithSummary("Storage reachable.").Produces<HealthDto>();
        health.MapGet(Routes.HealthLive, HealthEndpoint.GetLive)
            .WithName("HealthLive").WithSummary("The process answers (liveness).").Produces<HealthReportDto>();
        health.MapGet(Routes.HealthReady, (HealthEndpoint endpoint, CancellationToken ct) => endpoint.GetReadyAsync(ct))
            .WithName("HealthReady").WithSummary("Blob, queue and table services reachable, trigger listening (readiness).")
            .Produces<HealthReportDto>().Produces<HealthReportDto>(StatusCodes.Status503ServiceUnavailable);

        // The Event Grid source of the blob trigger, where the Functions host takes it (the blobs extension key guards it).
        app.MapPost(Routes.BlobsWebhook, (HttpRequest request, BlobEventsEndpoint events, CancellationToken ct) => events.DeliverAsync(request, ct))
            .WithTags("Event Grid").WithName("BlobEvents").WithSummary("Event Grid deliveries of blob events (Event Grid schema or CloudEvents).")
            .WithMetadata(new QueryParameter("functionName", "Host.Functions.ArticleBlobEventGridTrigger", Required: true),
                new QueryParameter("code", "The blobs extension key.", Required: true));
        app.MapMethods(Routes.BlobsWebhook, [HttpMethods.Options], (HttpRequest request, BlobEventsEndpoint events) => events.Handshake(request))
            .ExcludeFromDescription();
    }
}
