using Ingest.Core.Api.Contracts;
using Ingest.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingest.Core.Api.Health;

/// <summary>
/// The health routes both hosts serve: <c>GET /api/health</c> (the contract's: storage reachable), <c>/api/health/live</c>
/// (the process answers: for a liveness probe, never touches storage) and <c>/api/health/ready</c> (blob, queue and table
/// services reachable and, where the host runs it, the trigger listening: for a readiness probe). 200 when healthy, 503 when not.
/// </summary>
public sealed class HealthEndpoint(IngestStorage storage, HealthCheckService checks)
{
    /// <summary>The tag of the checks <c>/api/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public async Task<IResult> GetAsync(CancellationToken cancellationToken) =>
        await storage.IsReachableAsync(cancellationToken)
            ? TypedResults.Json(new HealthDto("healthy", "reachable"), IngestJson.Context.HealthDto)
            : TypedResults.Problem(detail: "Storage is not reachable.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy");

    public static IResult GetLive() => TypedResults.Json(new HealthReportDto("healthy", []), IngestJson.Context.HealthReportDto);

    public async Task<IResult> GetReadyAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var dto = new HealthReportDto(
            Name(report.Status),
            [.. report.Entries.Select(e => new HealthCheckDto(e.Key, Name(e.Value.Status), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 1)))]);
        return TypedResults.Json(dto, IngestJson.Context.HealthReportDto,
            statusCode: report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
