using Ingest.Core.Api;
using Ingest.Core.Api.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Ingest.Functions.Functions;

/// <summary>The <c>/api/ingestions</c> and <c>/api/health</c> routes, delegating to Core.</summary>
public sealed class IngestionHttpFunctions(IngestionEndpoints ingestions, HealthEndpoint health)
{
    [Function("GetIngestions")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Ingestions)] HttpRequest request,
        CancellationToken cancellationToken) =>
        ingestions.GetAsync(request, cancellationToken);

    [Function("GetRecentIngestions")]
    public Task<IResult> GetRecentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.RecentIngestions)] HttpRequest request,
        CancellationToken cancellationToken) =>
        ingestions.GetRecentAsync(request, cancellationToken);

    [Function("ReprocessIngestion")]
    public Task<IResult> ReprocessAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Reprocess)] HttpRequest request,
        CancellationToken cancellationToken) =>
        ingestions.ReprocessAsync(request, cancellationToken);

    [Function("Health")]
    public Task<IResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        health.GetAsync(cancellationToken);

    [Function("HealthLive")]
    public static IResult HealthLive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.HealthLive)] HttpRequest request) =>
        HealthEndpoint.GetLive();

    [Function("HealthReady")]
    public Task<IResult> HealthReadyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.HealthReady)] HttpRequest request,
        CancellationToken cancellationToken) =>
        health.GetReadyAsync(cancellationToken);
}
