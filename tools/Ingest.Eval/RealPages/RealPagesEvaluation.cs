using Ingest.Core.Extraction;
using Ingest.Core.Model;

namespace Ingest.Eval.RealPages;

/// <summary>
/// Runs the Core pipeline over every page of <c>real-pages</c> in one shape and scores it as <c>score.py</c> does:
/// body F1, precision and recall over 4-token shingles, and title accuracy.
/// </summary>
public static class RealPagesEvaluation
{
    /// <summary>What one page gave: the body as <c>score.py</c> reads it, the title, authors and date, and the body's score.</summary>
    public sealed record PageResult(RealPage Page, string Body, string? Title, IReadOnlyList<string> Authors, DateOnly? PublishedAt, ShingleScore Score)
    {
        public bool TitleCorrect => Page.IsTitle(Title);

        /// <summary>Whether an author found is named in the reference byline (null when the reference has none).</summary>
        public bool? AuthorCorrect => string.IsNullOrWhiteSpace(Page.Byline)
            ? null
            : Authors.Any(a => a.Trim().Length >= 3 && Page.Byline.Contains(a.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>Whether the publication date found is the reference's (null when the reference has none).</summary>
        public bool? DateCorrect => Page.PublishedTime is { Length: >= 10 } time
            ? PublishedAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == time[..10]
            : null;
    }

    public sealed record ShapeReport(string Shape, IReadOnlyList<PageResult> Pages)
    {
        public (double F1, double Precision, double Recall) Body => ShingleScore.Aggregate(Pages.Select(p => p.Score).ToList());

        /// <summary>Pages whose author is right, of those whose reference names one.</summary>
        public (int Correct, int Total) Authors => (Pages.Count(p => p.AuthorCorrect == true), Pages.Count(p => p.AuthorCorrect is not null));

        /// <summary>Pages whose publication date is right, of those whose reference gives one.</summary>
        public (int Correct, int Total) Dates => (Pages.Count(p => p.DateCorrect == true), Pages.Count(p => p.DateCorrect is not null));

        /// <summary>Pages whose title is right, of those whose reference has a title.</summary>
        public (int Correct, int Total) Titles
        {
            get
            {
                var titled = Pages.Where(p => !string.IsNullOrWhiteSpace(p.Page.Title)).ToList();
                return (titled.Count(p => p.TitleCorrect), titled.Count);
            }
        }
    }

    public static ShapeReport Run(string folder, string shape, ArticleExtractor extractor)
    {
        var pages = RealPage.LoadAll(folder)
            .AsParallel().AsOrdered()
            .Select(page =>
            {
                var file = page.Name + shape;
                var result = extractor.Extract(File.ReadAllBytes(Path.Combine(folder, "pages", file)), file);
                var body = result.Succeeded ? BodyOf(result.Article) : "";
                return new PageResult(page, body, result.Article?.Title, result.Article?.Authors ?? [], result.Article?.PublishedAt, ShingleScore.Of(page.Body, body));
            })
            .ToList();
        return new ShapeReport(shape, pages);
    }

    /// <summary>The article's body as the benchmark reads it: key points, then each heading and its paragraphs, in order, without the title.</summary>
    public static string BodyOf(Article article) => string.Join("\n\n", article.Summary
        .Concat(article.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading).OfType<string>())));
}
