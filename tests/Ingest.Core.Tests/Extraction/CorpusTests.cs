using Ingest.Core.Extraction;
using Ingest.Eval;

namespace Ingest.Core.Tests.Extraction;

/// <summary>
/// Every sample article in TestData/Corpus (each format) against its <c>.expected.json</c>, field by field, through the
/// full decode → detect → read → assemble path, compared as the API serves it.
/// </summary>
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
    public void Cases_CorpusFolder_HoldsEverySampleOfEveryFormat()
    {
        Assert.Equal(8, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_CorpusFile_MatchesExpected(string name)
    {
        var expected = ExpectedArticle.Load(TestFiles.Path("Corpus", name + ".expected.json"));

        var result = new ArticleExtractor().Extract(TestFiles.Read("Corpus", expected.File), expected.File);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Empty(expected.Compare(CorpusEvaluation.AsServed(result.Article, expected.File)));
    }

    [Fact]
    public void Extract_Seed_MatchesExpectedFile()
    {
        const string file = "000_dafa8b1eafac571b.txt";
        var expected = ExpectedArticle.Load(TestFiles.Path("Seed", "000_dafa8b1eafac571b.expected.json"));

        var result = new ArticleExtractor().Extract(TestFiles.Seed(), file);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Empty(expected.Compare(CorpusEvaluation.AsServed(result.Article, file)));
    }

    [Fact]
    public void Evaluation_SharedCorpus_ReportsEveryFieldCorrect()
    {
        var report = CorpusEvaluation.Run(TestFiles.Path("Corpus"), new ArticleExtractor());

        Assert.Empty(report.Mismatches);
        Assert.All(report.Accuracy(), field => Assert.Equal(field.Total, field.Correct));
    }
}
