using Ingest.Core.Api.Contracts;
using Ingest.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Api;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 when it does not.</summary>
public sealed class HealthEndpoint(IngestStorage storage)
{
    public async Task<IResult> GetAsync(CancellationToken cancellationToken) =>
        await storage.IsReachableAsync(cancellationToken)
            ? TypedResults.Json(new HealthDto("healthy", "reachable"), IngestJson.Context.HealthDto)
            : TypedResults.Problem(detail: "Storage is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy");
}
