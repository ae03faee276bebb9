using System.Text.Json.Serialization;

namespace Ingest.Core.Api.Contracts;

// The JSON shapes of ../shared/contract/http-api.md. Storage keeps its own shapes (Storage/StoredArticle.cs)
// and maps to these, so a change here never changes a stored row.

/// <summary><c>ArticleSummary</c>: one item of the article list. (Its fields come first in an <c>Article</c> too.)</summary>
public record ArticleSummaryDto
{
    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }
    [JsonPropertyOrder(-1)]
    public required string? Title { get; init; }
    [JsonPropertyOrder(-1)]
    public required IReadOnlyList<string> Authors { get; init; }
    [JsonPropertyOrder(-1)]
    public required DateOnly? PublishedAt { get; init; }
    [JsonPropertyOrder(-1)]
    public required string? Category { get; init; }
    [JsonPropertyOrder(-1)]
    public required ArticleSourceDto Source { get; init; }
    [JsonPropertyOrder(-1)]
    public required int SectionCount { get; init; }
    [JsonPropertyOrder(-1)]
    public required int WordCount { get; init; }
    [JsonPropertyOrder(-1)]
    public required DateTimeOffset IngestedAt { get; init; }
}

/// <summary><c>Article</c>: the summary plus everything extracted, sections inlined.</summary>
public sealed record ArticleDto : ArticleSummaryDto
{
    public required string? Subtitle { get; init; }
    /// <summary>ISO 8601: a date, or a date-time where the source gives the time.</summary>
    public required string? UpdatedAt { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required IReadOnlyList<string> Summary { get; init; }
    public required DatelineDto? Dateline { get; init; }
    public required IReadOnlyList<string> ImageCredits { get; init; }
    public required string? Language { get; init; }
    public required int ReadingTimeMinutes { get; init; }
    public required int Version { get; init; }
    public required ProvenanceDto Provenance { get; init; }
    public required IReadOnlyList<SectionDto> Sections { get; init; }

    public ArticleSummaryDto ToSummary() => new()
    {
        Id = Id,
        Title = Title,
        Authors = Authors,
        PublishedAt = PublishedAt,
        Category = Category,
        Source = Source with { ETag = null, ContentHash = null, SizeBytes = null, Format = null, Encoding = null },
        SectionCount = SectionCount,
        WordCount = WordCount,
        IngestedAt = IngestedAt,
    };
}

/// <summary>Where an article came from: the summary carries container and blob, the article everything.</summary>
public sealed record ArticleSourceDto(
    string Container,
    string Blob,
    [property: JsonPropertyName("etag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentHash = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? SizeBytes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Encoding = null);

public sealed record DatelineDto(string Location, string? Publisher, DateOnly? Date);

public sealed record ProvenanceDto(string? Title, string? Authors, string? PublishedAt, string? UpdatedAt, string? Category, string? Dateline);

public sealed record SectionDto(int Index, string? Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> ImageCredits, int WordCount);

public sealed record ItemsDto<T>(IReadOnlyList<T> Items);

public sealed record PageDto<T>(IReadOnlyList<T> Items, string? ContinuationToken);
