using System.Globalization;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Extraction;
using Ingest.Core.Storage;

namespace Ingest.IntegrationTests.Storage;

/// <summary>Articles to store: the seed through the real pipeline, and made-to-measure ones.</summary>
internal static class TestArticles
{
    public const string SeedFile = "000_dafa8b1eafac571b.txt";

    public static readonly DateTimeOffset Earlier = new(2026, 1, 20, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = Earlier.AddMinutes(5);

    public static string TestDataPath(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    public static ArticleWrite Seed(string container, string blobName = SeedFile)
    {
        var extraction = new ArticleExtractor().Extract(File.ReadAllBytes(TestDataPath(SeedFile)), SeedFile);
        var blob = new BlobVersion("\"seed\"", Earlier);
        var dto = ArticleDtos.From(extraction.Article!, BlobKeys.ArticleId(blobName), container, blobName, blob.ETag);
        return new ArticleWrite(dto, extraction.Article!.Source.ContentHash, ArticleExtractor.Version, blob);
    }

    /// <summary>An article of <paramref name="sectionCount"/> sections, each paragraph <paramref name="paragraphChars"/> long.</summary>
    public static ArticleWrite Make(
        string container,
        string blobName,
        int sectionCount = 3,
        string? category = null,
        string[]? authors = null,
        DateOnly? publishedAt = null,
        int paragraphChars = 40,
        DateTimeOffset? lastModified = null,
        string contentTag = "")
    {
        var sections = Enumerable.Range(0, sectionCount)
            .Select(i => new SectionDto(i, i == 0 ? null : $"Heading {i}", [Paragraph(i, paragraphChars, contentTag)], [], 1))
            .ToList();
        var blob = new BlobVersion($"\"{blobName}-{lastModified?.Ticks ?? 0}\"", lastModified ?? Earlier);
        var dto = new ArticleDto
        {
            Id = BlobKeys.ArticleId(blobName),
            Title = "Title of " + blobName,
            Subtitle = null,
            Authors = authors ?? ["Jane Doe"],
            PublishedAt = publishedAt,
            UpdatedAt = null,
            Category = category,
            Tags = [],
            Summary = [],
            Dateline = null,
            ImageCredits = [],
            Language = "en",
            WordCount = sectionCount,
            ReadingTimeMinutes = 1,
            SectionCount = sectionCount,
            Source = new ArticleSourceDto(container, blobName, blob.ETag, "hash-" + contentTag + sectionCount, paragraphChars, "text", "utf-8"),
            Provenance = new ProvenanceDto("text", "byline", null, null, null, null),
            Sections = sections,
            Version = 0,
            IngestedAt = default,
        };
        return new ArticleWrite(dto, "hash-" + contentTag + sectionCount + "-" + paragraphChars, ArticleExtractor.Version, blob);
    }

    private static string Paragraph(int index, int length, string tag)
    {
        var head = $"Paragraph {index.ToString(CultureInfo.InvariantCulture)} {tag} ";
        return length <= head.Length ? head[..length] : head + new string('x', length - head.Length);
    }
}
