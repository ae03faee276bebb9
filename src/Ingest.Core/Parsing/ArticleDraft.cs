using Ingest.Core.Model;

namespace Ingest.Core.Parsing;

/// <summary>
/// What a format reader found in one article, before the steps every format shares
/// (dateline, word counts, language, hashing) turn it into an <see cref="Article"/>.
/// </summary>
public sealed record ArticleDraft
{
    public string? Title { get; init; }
    public string? Subtitle { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateOnly? PublishedAt { get; init; }
    /// <summary>ISO 8601: a date (<c>2025-03-04</c>) or, where the source gives one, a date-time.</summary>
    public string? UpdatedAt { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>Set by a reader whose format marks the dateline; otherwise read from the first paragraph.</summary>
    public Dateline? Dateline { get; init; }

    public IReadOnlyList<SectionDraft> Sections { get; init; } = [];
    public Provenance Provenance { get; init; } = new();

    /// <summary>Where the article stands in a file that holds several (a JSON array); 0 otherwise.</summary>
    public int Position { get; init; }

    /// <summary>The text the article's content hash is taken of when it is not the whole file (one element of a JSON array).</summary>
    public string? ContentText { get; init; }

    /// <summary>Whether the draft has anything an article can be made of.</summary>
    public bool IsEmpty => Title is null && Sections.All(s => s.Paragraphs.Count == 0);
}

/// <summary>A section as a reader found it; <see cref="Heading"/> is null for the lead.</summary>
public sealed record SectionDraft(string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> ImageCredits);
