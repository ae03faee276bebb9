namespace Ingest.Core.Storage;

/// <summary>What happened to one blob, as the Ingestions table keeps it.</summary>
public sealed record IngestionRecord(
    string Blob,
    string Status,
    IReadOnlyList<string> ArticleIds,
    int Attempts,
    string? ErrorCode,
    string? ErrorMessage,
    BlobVersion? BlobVersion,
    DateTimeOffset UpdatedAt,
    string? ReprocessToken = null);
