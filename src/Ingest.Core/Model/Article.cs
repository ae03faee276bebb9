namespace Ingest.Core.Model;

/// <summary>
/// An article as Ingest.Core extracts it from one file: every field of the HTTP contract's
/// <c>Article</c> except those only storage knows (id, container, blob, etag, version, ingestedAt).
/// </summary>
public sealed record Article
{
    public required string? Title { get; init; }
    public string? Subtitle { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateOnly? PublishedAt { get; init; }
    /// <summary>ISO 8601: a date (<c>2025-03-04</c>) or, where the source gives one, a date-time.</summary>
    public string? UpdatedAt { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Key-point bullets that stand before the body, in order.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    public Dateline? Dateline { get; init; }

    /// <summary>Every section's image credits, in document order.</summary>
    public IReadOnlyList<string> ImageCredits { get; init; } = [];

    /// <summary>BCP 47 tag, or null when the language is not clear.</summary>
    public string? Language { get; init; }

    public int WordCount { get; init; }
    public int ReadingTimeMinutes { get; init; }
    public required ExtractedSource Source { get; init; }
    public Provenance Provenance { get; init; } = new();
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>Where the article stands in a file that holds several (a JSON array); 0 otherwise. Part of its id.</summary>
    public int Position { get; init; }
}
