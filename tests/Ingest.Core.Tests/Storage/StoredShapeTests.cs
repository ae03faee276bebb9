using System.Reflection;
using System.Text.Json;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

/// <summary>Storage owns the shape of what it stores: the API's JSON can change without rewriting a stored row.</summary>
public sealed class StoredShapeTests
{
    [Fact]
    public void ApiContracts_NameNoStorageType()
    {
        var contractTypes = typeof(ArticleDto).Assembly.GetTypes().Where(t => t.Namespace == typeof(ArticleDto).Namespace);
        var storageTypesNamed = contractTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Where(t => t.Namespace == typeof(ArticleStore).Namespace)
            .Distinct();

        Assert.Empty(storageTypesNamed);
    }

    [Fact]
    public void StoredArticle_IsSerialisedByStoragesOwnContract_NotTheApis()
    {
        var stored = StoredArticle.From(Sample());
        var json = JsonSerializer.Serialize(stored, StorageJson.Context.StoredArticle);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            ["id", "title", "authors", "publishedAt", "category", "source", "sectionCount", "wordCount", "ingestedAt", "subtitle", "updatedAt", "tags",
             "summary", "dateline", "imageCredits", "language", "readingTimeMinutes", "version", "provenance", "sections"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["index", "heading", "paragraphs", "imageCredits", "wordCount"], document.RootElement.GetProperty("sections")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void StoredArticle_RoundTripsEveryField()
    {
        var article = Sample();

        var json = JsonSerializer.Serialize(StoredArticle.From(article), StorageJson.Context.StoredArticle);
        var back = JsonSerializer.Deserialize(json, StorageJson.Context.StoredArticle)!.ToDto();

        Assert.Equal(JsonSerializer.Serialize(article, IngestJson.Context.ArticleDto), JsonSerializer.Serialize(back, IngestJson.Context.ArticleDto));
    }

    [Fact]
    public void StoredSummary_RoundTripsTheListedFields()
    {
        var summary = Sample().ToSummary();

        var json = JsonSerializer.Serialize(StoredSummary.From(summary), StorageJson.Context.StoredSummary);
        var back = JsonSerializer.Deserialize(json, StorageJson.Context.StoredSummary)!.ToDto();

        Assert.Equal(JsonSerializer.Serialize(summary, IngestJson.Context.ArticleSummaryDto), JsonSerializer.Serialize(back, IngestJson.Context.ArticleSummaryDto));
    }

    private static ArticleDto Sample() => new()
    {
        Id = "harbour-cup-3f2a9c1b04d7e6a5",
        Title = "Harbour Cup",
        Authors = ["Ann Lee", "Seán O'Brien"],
        PublishedAt = new DateOnly(2026, 3, 4),
        Category = "Sport",
        Source = new ArticleSourceDto("articles", "2026/harbour cup.txt", "\"0x8D\"", "abc123", 1234, "text", "utf-8"),
        SectionCount = 1,
        WordCount = 12,
        IngestedAt = new DateTimeOffset(2026, 3, 5, 6, 7, 8, TimeSpan.Zero),
        Subtitle = "A subtitle",
        UpdatedAt = "2026-03-04T10:00:00Z",
        Tags = ["sailing"],
        Summary = ["One line."],
        Dateline = new DatelineDto("KESTREL BAY", "Wire", new DateOnly(2026, 3, 4)),
        ImageCredits = ["Photo: A. Lee"],
        Language = "en",
        ReadingTimeMinutes = 1,
        Version = 3,
        Provenance = new ProvenanceDto("header", "byline", "dateline", null, "label", "first line"),
        Sections = [new SectionDto(0, "Start", ["First £4.2m paragraph 😀."], ["Photo: B"], 4)],
    };
}
