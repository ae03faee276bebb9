using System.Text.Json;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Tests.Extraction;

/// <summary>Every sample article in TestData/Corpus against its <c>.expected.json</c>, field by field.</summary>
public sealed class CorpusTests
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestFiles.Path("Corpus"), "*.expected.json").Order(StringComparer.Ordinal))
        {
            cases.Add(Path.GetFileName(path)[..^".expected.json".Length]);
        }

        return cases;
    }

    [Fact]
    public void Cases_CorpusFolder_HoldsEveryTextSample()
    {
        Assert.Equal(4, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_CorpusFile_MatchesExpected(string name)
    {
        var expected = JsonSerializer.Deserialize<ExpectedArticle>(File.ReadAllText(TestFiles.Path("Corpus", name + ".expected.json")), JsonOptions)!;
        var result = new ArticleExtractor(new PlainTextArticleReader()).Extract(TestFiles.Read("Corpus", expected.File));

        Assert.True(result.Succeeded, result.Error?.Message);
        var article = result.Article;
        Assert.Equal(expected.Format, article.Source.Format);
        Assert.Equal(expected.Title, article.Title);
        Assert.Equal(expected.Authors, article.Authors);
        Assert.Equal(expected.PublishedAt, article.PublishedAt?.ToString("yyyy-MM-dd", null));
        Assert.Equal(expected.Category, article.Category);
        Assert.Equal(expected.Dateline?.ToDateline(), article.Dateline);
        Assert.Equal(expected.SummaryCount, article.Summary.Count);
        Assert.Equal(expected.ImageCredits, article.ImageCredits);
        Assert.Equal(expected.Headings, article.Sections.Where(s => s.Heading is not null).Select(s => s.Heading));
        Assert.InRange(article.WordCount, expected.WordCountApprox * 0.9, expected.WordCountApprox * 1.1);

        var everything = string.Join('\n', new[] { article.Title, article.Subtitle }
            .Concat(article.Summary)
            .Concat(article.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading))));
        Assert.All(expected.MustNotContain, banned => Assert.DoesNotContain(banned, everything, StringComparison.Ordinal));
    }

    private sealed record ExpectedArticle(
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
        string[] MustNotContain);

    private sealed record ExpectedDateline(string Location, string? Publisher, string? Date)
    {
        public Dateline ToDateline() => new(Location, Publisher, Date is null ? null : DateOnly.Parse(Date, System.Globalization.CultureInfo.InvariantCulture));
    }
}
