using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ingest.Eval.RealPages;

/// <summary>One page of <c>real-pages/expected.json</c>: the reference body and title a careful reader-mode extractor gives.</summary>
public sealed partial record RealPage(string Name, string Body, string? Title, string? Byline, string? PublishedTime, string? Lang)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    public static IReadOnlyList<RealPage> LoadAll(string folder) =>
        JsonSerializer.Deserialize<List<RealPage>>(File.ReadAllText(Path.Combine(folder, "expected.json")), JsonOptions)
        ?? throw new InvalidDataException($"{folder}/expected.json is empty.");

    /// <summary>Whether <paramref name="title"/> is this page's title, after white space and case are folded (as score.py does).</summary>
    public bool IsTitle(string? title) => Fold(title) == Fold(Title);

    private static string Fold(string? text) => WhiteSpace().Replace(text ?? "", " ").Trim().ToUpperInvariant();
}
