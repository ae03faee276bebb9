using System.Text.Json.Serialization;

namespace Ingest.Core.Api.Contracts;

/// <summary><c>Ingestion</c>: what happened to one dropped file.</summary>
public sealed record IngestionDto(
    string Blob,
    string Status,
    IReadOnlyList<string> ArticleIds,
    int Attempts,
    IngestionErrorDto? Error,
    [property: JsonPropertyName("etag")] string? ETag,
    DateTimeOffset UpdatedAt);

public sealed record IngestionErrorDto(string Code, string Message);

/// <summary>
/// The answer to an upload: where to watch it being ingested, and the ETag of the blob version written (the
/// <c>etag</c> its ingestion will carry once that version is done; absent from a reprocess answer).
/// </summary>
public sealed record UploadAcceptedDto(
    string Blob,
    string StatusUrl,
    [property: JsonPropertyName("etag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag = null);

public sealed record HealthDto(string Status, string Storage);

/// <summary><c>GET /api/health/live</c> and <c>/api/health/ready</c>: the overall status and each check's.</summary>
public sealed record HealthReportDto(string Status, IReadOnlyList<HealthCheckDto> Checks);

public sealed record HealthCheckDto(string Name, string Status, string? Description, double DurationMs);

/// <summary>The answer to an Event Grid subscription validation (Event Grid schema).</summary>
public sealed record EventGridValidationDto(string ValidationResponse);
