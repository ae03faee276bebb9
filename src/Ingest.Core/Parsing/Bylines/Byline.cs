namespace Ingest.Core.Parsing.Bylines;

/// <summary>What a byline line says: who wrote the article, under which category, and when.</summary>
public sealed record Byline(
    IReadOnlyList<string> Authors,
    string? Category,
    DateOnly? PublishedAt,
    DateOnly? UpdatedAt);
