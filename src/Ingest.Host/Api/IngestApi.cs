using Ingest.Core.Api;
using Ingest.Core.Api.Health;

namespace Ingest.Host.Api;

/// <summary>Maps every route of the HTTP contract to the Core handlers, as the Functions app's HTTP triggers do.</summary>
internal static class IngestApi
{
    public static void MapIngestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/articles", (HttpRequest request, ArticleEndpoints articles, CancellationToken ct) => articles.ListAsync(request, ct));
        api.MapGet("/articles/{id}", (string id, ArticleEndpoints articles, CancellationToken ct) => articles.GetAsync(id, ct));
        api.MapGet("/articles/{id}/sections", (string id, ArticleEndpoints articles, CancellationToken ct) => articles.GetSectionsAsync(id, ct));
        api.MapGet("/articles/{id}/sections/{index}", (string id, string index, ArticleEndpoints articles, CancellationToken ct) => articles.GetSectionAsync(id, index, ct));
        api.MapGet("/articles/{id}/text", (string id, ArticleEndpoints articles, CancellationToken ct) => articles.GetTextAsync(id, ct));
        api.MapPost("/articles", (HttpRequest request, ArticleEndpoints articles, CancellationToken ct) => articles.UploadAsync(request, ct))
            .AddEndpointFilter<ApiKeyFilter>();
        api.MapDelete("/articles/{id}", (string id, ArticleEndpoints articles, CancellationToken ct) => articles.DeleteAsync(id, ct))
            .AddEndpointFilter<ApiKeyFilter>();

        api.MapGet("/ingestions", (HttpRequest request, IngestionEndpoints ingestions, CancellationToken ct) => ingestions.GetAsync(request, ct));
        api.MapGet("/ingestions/recent", (HttpRequest request, IngestionEndpoints ingestions, CancellationToken ct) => ingestions.GetRecentAsync(request, ct));
        api.MapPost("/ingestions/reprocess", (HttpRequest request, IngestionEndpoints ingestions, CancellationToken ct) => ingestions.ReprocessAsync(request, ct))
            .AddEndpointFilter<ApiKeyFilter>();

        api.MapGet("/health", (HealthEndpoint health, CancellationToken ct) => health.GetAsync(ct));
        api.MapGet("/health/live", HealthEndpoint.GetLive);
        api.MapGet("/health/ready", (HealthEndpoint health, CancellationToken ct) => health.GetReadyAsync(ct));

        // The Event Grid source of the blob trigger, where the Functions host takes it (the blobs extension key guards it).
        app.MapPost("/runtime/webhooks/blobs", (HttpRequest request, BlobEventsEndpoint events, CancellationToken ct) => events.DeliverAsync(request, ct));
        app.MapMethods("/runtime/webhooks/blobs", [HttpMethods.Options], (HttpRequest request, BlobEventsEndpoint events) => events.Handshake(request));
    }
}
