using Ingest.Core.Api.Contracts;
using Ingest.Core.Extraction;
using Ingest.Core.Parsing.PlainText;
using Ingest.Core.Storage;
using Ingest.Testing;

namespace Ingest.Core.Tests.Extraction;

/// <summary>Every sample article in TestData/Corpus against its <c>.expected.json</c>, field by field.</summary>
public sealed class CorpusTests
{
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
        var expected = ExpectedArticle.Load(TestFiles.Path("Corpus", name + ".expected.json"));

        var article = ExtractAsDto(TestFiles.Read("Corpus", expected.File), expected.File);

        expected.AssertMatches(article);
    }

    [Fact]
    public void Extract_Seed_MatchesExpectedFile()
    {
        var expected = ExpectedArticle.Load(TestFiles.Path("Seed", "000_dafa8b1eafac571b.expected.json"));

        expected.AssertMatches(ExtractAsDto(TestFiles.Seed(), expected.File));
    }

    /// <summary>The full decode → normalise → read → assemble path, shaped as the API serves it.</summary>
    private static ArticleDto ExtractAsDto(byte[] content, string fileName)
    {
        var result = new ArticleExtractor(new PlainTextArticleReader()).Extract(content);
        Assert.True(result.Succeeded, result.Error?.Message);
        return ArticleDtos.From(result.Article, BlobKeys.ArticleId(fileName), "articles", fileName, new BlobVersion("\"etag\"", DateTimeOffset.UnixEpoch));
    }
}
