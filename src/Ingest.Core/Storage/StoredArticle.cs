using System.Text.Json.Serialization;
using Ingest.Core.Api.Contracts;

namespace Ingest.Core.Storage;

// The shapes the catalog and the Sections table store, owned here: the API's JSON may change without
// changing a stored row. Field names are pinned, and are today those the API used when they were
// first stored, so rows written before storage had its own shapes read unchanged.

/// <summary>An article as its catalog row holds it (sections inline when they fit, else in the Sections table).</summary>
internal sealed record StoredArticle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("publishedAt")] DateOnly? PublishedAt,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("source")] StoredSource Source,
    [property: JsonPropertyName("sectionCount")] int SectionCount,
    [property: JsonPropertyName("wordCount")] int WordCount,
    [property: JsonPropertyName("ingestedAt")] DateTimeOffset IngestedAt,
    [property: JsonPropertyName("subtitle")] string? Subtitle,
    [property: JsonPropertyName("updatedAt")] string? UpdatedAt,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("summary")] IReadOnlyList<string> Summary,
    [property: JsonPropertyName("dateline")] StoredDateline? Dateline,
    [property: JsonPropertyName("imageCredits")] IReadOnlyList<string> ImageCredits,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("readingTimeMinutes")] int ReadingTimeMinutes,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("provenance")] StoredProvenance Provenance,
    [property: JsonPropertyName("sections")] IReadOnlyList<StoredSection> Sections)
{
    public static StoredArticle From(ArticleDto a) => new(
        a.Id, a.Title, a.Authors, a.PublishedAt, a.Category, StoredSource.From(a.Source), a.SectionCount, a.WordCount, a.IngestedAt,
        a.Subtitle, a.UpdatedAt, a.Tags, a.Summary,
        a.Dateline is { } d ? new StoredDateline(d.Location, d.Publisher, d.Date) : null,
        a.ImageCredits, a.Language, a.ReadingTimeMinutes, a.Version,
        new StoredProvenance(a.Provenance.Title, a.Provenance.Authors, a.Provenance.PublishedAt, a.Provenance.UpdatedAt, a.Provenance.Category, a.Provenance.Dateline),
        [.. a.Sections.Select(StoredSection.From)]);

    public ArticleDto ToDto() => new()
    {
        Id = Id,
        Title = Title,
        Authors = Authors,
        PublishedAt = PublishedAt,
        Category = Category,
        Source = Source.ToDto(),
        SectionCount = SectionCount,
        WordCount = WordCount,
        IngestedAt = IngestedAt,
        Subtitle = Subtitle,
        UpdatedAt = UpdatedAt,
        Tags = Tags,
        Summary = Summary,
        Dateline = Dateline is { } d ? new DatelineDto(d.Location, d.Publisher, d.Date) : null,
        ImageCredits = ImageCredits,
        Language = Language,
        ReadingTimeMinutes = ReadingTimeMinutes,
        Version = Version,
        Provenance = new ProvenanceDto(Provenance.Title, Provenance.Authors, Provenance.PublishedAt, Provenance.UpdatedAt, Provenance.Category, Provenance.Dateline),
        Sections = [.. Sections.Select(s => s.ToDto())],
    };
}

/// <summary>What a listing row holds about its article.</summary>
internal sealed record StoredSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("authors")] IReadOnlyList<string> Authors,
    [property: JsonPropertyName("publishedAt")] DateOnly? PublishedAt,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("source")] StoredSource Source,
    [property: JsonPropertyName("sectionCount")] int SectionCount,
    [property: JsonPropertyName("wordCount")] int WordCount,
    [property: JsonPropertyName("ingestedAt")] DateTimeOffset IngestedAt)
{
    public static StoredSummary From(ArticleSummaryDto s) =>
        new(s.Id, s.Title, s.Authors, s.PublishedAt, s.Category, StoredSource.From(s.Source), s.SectionCount, s.WordCount, s.IngestedAt);

    public ArticleSummaryDto ToDto() => new()
    {
        Id = Id,
        Title = Title,
        Authors = Authors,
        PublishedAt = PublishedAt,
        Category = Category,
        Source = Source.ToDto(),
        SectionCount = SectionCount,
        WordCount = WordCount,
        IngestedAt = IngestedAt,
    };
}

internal sealed record StoredSource(
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("blob")] string Blob,
    [property: JsonPropertyName("eTag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag,
    [property: JsonPropertyName("contentHash"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentHash,
    [property: JsonPropertyName("sizeBytes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? SizeBytes,
    [property: JsonPropertyName("format"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format,
    [property: JsonPropertyName("encoding"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Encoding)
{
    public static StoredSource From(ArticleSourceDto s) => new(s.Container, s.Blob, s.ETag, s.ContentHash, s.SizeBytes, s.Format, s.Encoding);

    public ArticleSourceDto ToDto() => new(Container, Blob, ETag, ContentHash, SizeBytes, Format, Encoding);
}

internal sealed record StoredDateline(
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("date")] DateOnly? Date);

internal sealed record StoredProvenance(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("authors")] string? Authors,
    [property: JsonPropertyName("publishedAt")] string? PublishedAt,
    [property: JsonPropertyName("updatedAt")] string? UpdatedAt,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("dateline")] string? Dateline);

/// <summary>A section as its rows in the Sections table (or an inline article) hold it.</summary>
internal sealed record StoredSection(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("heading")] string? Heading,
    [property: JsonPropertyName("paragraphs")] IReadOnlyList<string> Paragraphs,
    [property: JsonPropertyName("imageCredits")] IReadOnlyList<string> ImageCredits,
    [property: JsonPropertyName("wordCount")] int WordCount)
{
    public static StoredSection From(SectionDto s) => new(s.Index, s.Heading, s.Paragraphs, s.ImageCredits, s.WordCount);

    public SectionDto ToDto() => new(Index, Heading, Paragraphs, ImageCredits, WordCount);
}
