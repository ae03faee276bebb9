using System.Globalization;
using System.Text.Json;
using Ingest.Core.Api.Contracts;

namespace Ingest.Eval;

/// <summary>
/// What a correct ingestion extracts from one sample file: one entry of a corpus's <c>expected.json</c>
/// (or one <c>&lt;case&gt;.expected.json</c> file). <see cref="Compare"/> says, field by field, where an article differs.
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
    /// <summary>The fields <see cref="Compare"/> checks, in report order.</summary>
    public static readonly string[] Fields =
        ["format", "title", "authors", "publishedAt", "category", "dateline", "summaryCount", "imageCredits", "headings", "wordCount", "mustNotContain"];

    /// <summary>How far the word count may be from the expected one.</summary>
    public const double WordCountTolerance = 0.10;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static ExpectedArticle Load(string path) =>
        JsonSerializer.Deserialize<ExpectedArticle>(System.IO.File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>A folder's expectations: its <c>expected.json</c> (a list), or else every <c>&lt;case&gt;.expected.json</c> in it.</summary>
    public static IReadOnlyList<ExpectedArticle> LoadFolder(string folder)
    {
        var list = Path.Combine(folder, "expected.json");
        return System.IO.File.Exists(list)
            ? JsonSerializer.Deserialize<List<ExpectedArticle>>(System.IO.File.ReadAllText(list), JsonOptions) ?? throw new InvalidDataException($"{list} is empty.")
            : Directory.EnumerateFiles(folder, "*.expected.json").Order(StringComparer.Ordinal).Select(Load).ToList();
    }

    /// <summary>Every field where <paramref name="article"/> differs from this expectation; empty when it matches.</summary>
    public IReadOnlyList<FieldMismatch> Compare(ArticleDto article)
    {
        var mismatches = new List<FieldMismatch>();
        void Check(string field, object? expected, object? actual, bool equal)
        {
            if (!equal)
            {
                mismatches.Add(new FieldMismatch(File, field, Show(expected), Show(actual)));
            }
        }

        var published = article.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dateline = Dateline?.ToDto();
        var headings = article.Sections.Where(s => s.Heading is not null).Select(s => s.Heading!).ToArray();
        Check("format", Format, article.Source.Format, Format == article.Source.Format);
        Check("title", Title, article.Title, Title == article.Title);
        Check("authors", Authors, article.Authors, Authors.SequenceEqual(article.Authors));
        Check("publishedAt", PublishedAt, published, PublishedAt == published);
        Check("category", Category, article.Category, Category == article.Category);
        Check("dateline", dateline, article.Dateline, Equals(dateline, article.Dateline));
        Check("summaryCount", SummaryCount, article.Summary.Count, SummaryCount == article.Summary.Count);
        Check("imageCredits", ImageCredits, article.ImageCredits, ImageCredits.SequenceEqual(article.ImageCredits));
        Check("headings", Headings, headings, Headings.SequenceEqual(headings));
        Check("wordCount", $"{WordCountApprox} ± {WordCountTolerance:P0}", article.WordCount,
            Math.Abs(article.WordCount - WordCountApprox) <= WordCountApprox * WordCountTolerance);

        var everything = string.Join('\n', new[] { article.Title, article.Subtitle }
            .Concat(article.Summary)
            .Concat(article.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading))));
        var survivors = MustNotContain.Where(banned => everything.Contains(banned, StringComparison.Ordinal)).ToArray();
        Check("mustNotContain", "none of " + Show(MustNotContain), survivors, survivors.Length == 0);
        return mismatches;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "",
    };
}

public sealed record ExpectedDateline(string Location, string? Publisher, string? Date)
{
    public DatelineDto ToDto() => new(Location, Publisher, Date is null ? null : DateOnly.Parse(Date, CultureInfo.InvariantCulture));
}

/// <summary>One field of one file that came out other than expected.</summary>
public sealed record FieldMismatch(string File, string Field, string Expected, string Actual)
{
    public override string ToString() => $"{File}: {Field}: expected {Expected}, got {Actual}";
}
