using Ingest.Core.Api.Contracts;
using Ingest.Core.Extraction;
using Ingest.Core.Storage;

namespace Ingest.Eval;

/// <summary>Runs the Core pipeline (decode → detect → read → assemble) over every file a folder's expectations name.</summary>
public static class CorpusEvaluation
{
    public sealed record Report(IReadOnlyList<ExpectedArticle> Cases, IReadOnlyList<FieldMismatch> Mismatches)
    {
        /// <summary>Per field: how many files got it right.</summary>
        public IEnumerable<(string Field, int Correct, int Total)> Accuracy() =>
            ExpectedArticle.Fields.Select(field => (field, Cases.Count - Mismatches.Where(m => m.Field == field).Select(m => m.File).Distinct().Count(), Cases.Count));

        public bool AllCorrect => Mismatches.Count == 0;
    }

    public static Report Run(string folder, ArticleExtractor extractor)
    {
        var cases = ExpectedArticle.LoadFolder(folder);
        var mismatches = new List<FieldMismatch>();
        foreach (var expected in cases)
        {
            var result = extractor.Extract(File.ReadAllBytes(Path.Combine(folder, expected.File)), expected.File);
            if (!result.Succeeded)
            {
                mismatches.AddRange(ExpectedArticle.Fields.Select(f => new FieldMismatch(expected.File, f, "an article", $"failure {result.Error.Code}: {result.Error.Message}")));
                continue;
            }

            mismatches.AddRange(expected.Compare(AsServed(result.Article, expected.File)));
        }

        return new Report(cases, mismatches);
    }

    /// <summary>An extracted article shaped as the API serves it.</summary>
    public static ArticleDto AsServed(Core.Model.Article article, string fileName) =>
        ArticleDtos.From(article, BlobKeys.ArticleId(fileName, article.Position), "articles", fileName, blobETag: "\"local\"");
}
