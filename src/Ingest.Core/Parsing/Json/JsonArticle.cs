using Ingest.Core.Model;

namespace Ingest.Core.Parsing.Json;

/// <summary>An article object as JSON gives it (a scraper's output, or schema.org <c>NewsArticle</c>), before its body is read.</summary>
public sealed record JsonArticle
{
    public string? Title { get; init; }
    public string? Subtitle { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public DateOnly? PublishedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>The body as one text (<c>body</c>, <c>text</c>, <c>content</c>, <c>articleBody</c>).</summary>
    public string? Body { get; init; }

    /// <summary>The body already cut into sections (<c>sections: [{heading, paragraphs}]</c>).</summary>
    public IReadOnlyList<SectionDraft>? Sections { get; init; }

    /// <summary>Whether the object is a schema.org article (<c>@type</c> NewsArticle and kin): provenance says <c>jsonld</c>, not <c>json</c>.</summary>
    public bool IsSchemaOrg { get; init; }

    public Provenance Provenance(string source) => new()
    {
        Title = Title is null ? null : source,
        Authors = Authors.Count == 0 ? null : source,
        PublishedAt = PublishedAt is null ? null : source,
        UpdatedAt = UpdatedAt is null ? null : source,
        Category = Category is null ? null : source,
    };
}
