using System.Globalization;
using System.Text.Json;
using Ingest.Core.Api.Contracts;
using Xunit;

namespace Ingest.Testing;

/// <summary>
/// What a correct ingestion extracts from one sample file, in the format of the shared corpus's
/// <c>expected.json</c> (one entry per <c>&lt;case&gt;.expected.json</c> file here).
/// </summary>
public sealed record ExpectedArticle(
    string File,
    string Format,
    string Title,
    string[] Authors,
    string? PublishedAt,
    string? Category,
    ExpectedDateline? Dateline,
    int SummaryCount,
    string[] ImageCredits,
    string[] Headings,
    int WordCountApprox,
    string[] MustNotContain)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static ExpectedArticle Load(string path) =>
        JsonSerializer.Deserialize<ExpectedArticle>(System.IO.File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>Checks every field the corpus names; the word count within 10 %.</summary>
    public void AssertMatches(ArticleDto article)
    {
        Assert.Equal(Format, article.Source.Format);
        Assert.Equal(Title, article.Title);
        Assert.Equal(Authors, article.Authors);
        Assert.Equal(PublishedAt, article.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(Category, article.Category);
        Assert.Equal(Dateline?.ToDto(), article.Dateline);
        Assert.Equal(SummaryCount, article.Summary.Count);
        Assert.Equal(ImageCredits, article.ImageCredits);
        Assert.Equal(Headings, article.Sections.Where(s => s.Heading is not null).Select(s => s.Heading));
        Assert.InRange(article.WordCount, WordCountApprox * 0.9, WordCountApprox * 1.1);

        var everything = string.Join('\n', new[] { article.Title, article.Subtitle }
            .Concat(article.Summary)
            .Concat(article.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading))));
        Assert.All(MustNotContain, banned => Assert.DoesNotContain(banned, everything, StringComparison.Ordinal));
    }
}

public sealed record ExpectedDateline(string Location, string? Publisher, string? Date)
{
    public DatelineDto ToDto() => new(Location, Publisher, Date is null ? null : DateOnly.Parse(Date, CultureInfo.InvariantCulture));
}
