using Ingest.Core.Extraction;
using Ingest.Eval.RealPages;

namespace Ingest.Core.Tests.RealPages;

/// <summary>
/// Extraction quality on the 130 real pages, in each shape people drop them, pinned to floors. A change that loses
/// quality fails here; when quality improves, raise the floor in the same change (it is not raised by itself).
/// </summary>
public sealed class RealPagesQualityTests
{
    /// <summary>Shape, body F1, titles right, authors right, dates right (of 127 titled, 76 with a byline, 33 dated pages).</summary>
    public static TheoryData<string, double, int, int, int> Floors => new()
    {
        { PageShape.Html, 0.971, 127, 61, 31 },
        { PageShape.Text, 0.921, 37, 10, 5 },
        { PageShape.Markdown, 0.927, 98, 12, 7 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Run_RealPages_KeepsQualityAtOrAboveTheFloor(string shape, double bodyF1, int titles, int authors, int dates)
    {
        var report = RealPagesEvaluation.Run(RealPagesFolder.Locate(), shape, new ArticleExtractor());

        Assert.Equal(130, report.Pages.Count);
        Assert.True(report.Body.F1 >= bodyF1, $"{shape} body F1 {report.Body.F1:F4} fell below {bodyF1:F3}; weakest: {Weakest(report)}");
        Assert.True(report.Titles.Correct >= titles, $"{shape} titles {report.Titles.Correct} fell below {titles}");
        Assert.True(report.Authors.Correct >= authors, $"{shape} authors {report.Authors.Correct} fell below {authors}");
        Assert.True(report.Dates.Correct >= dates, $"{shape} dates {report.Dates.Correct} fell below {dates}");
    }

    private static string Weakest(RealPagesEvaluation.ShapeReport report) =>
        string.Join(", ", report.Pages.OrderBy(p => p.Score.F1).Take(10).Select(p => $"{p.Page.Name} {p.Score.F1:F2}"));
}
