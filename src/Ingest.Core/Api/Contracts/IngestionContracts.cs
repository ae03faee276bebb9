namespace Ingest.Core.Api.Contracts;

/// <summary><c>Ingestion</c>: what happened to one dropped file.</summary>
public sealed record IngestionDto(
    string Blob,
    string Status,
    IReadOnlyList<string> ArticleIds,
    int Attempts,
    IngestionErrorDto? Error,
    string? ETag,
    DateTimeOffset UpdatedAt);

public sealed record IngestionErrorDto(string Code, string Message);

/// <summary>The answer to an upload: where to watch it being ingested.</summary>
public sealed record UploadAcceptedDto(string Blob, string StatusUrl);

public sealed record HealthDto(string Status, string Storage);
