using System.Text.Json;
using Ingest.Core.Model;

namespace Ingest.Core.Parsing;

/// <summary>
/// Tells a file's format: by its extension first (<c>.txt .text .html .htm .md .markdown .json</c>), by its content
/// second, so HTML or JSON saved as <c>.txt</c> (or with no extension) is still read as what it is.
/// </summary>
public static class FormatDetector
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = ArticleFormats.Text,
        [".text"] = ArticleFormats.Text,
        [".html"] = ArticleFormats.Html,
        [".htm"] = ArticleFormats.Html,
        [".md"] = ArticleFormats.Markdown,
        [".markdown"] = ArticleFormats.Markdown,
        [".json"] = ArticleFormats.Json,
    };

    public static string Detect(string fileName, string normalisedText, int maxJsonDepth)
    {
        var byExtension = ByExtension.GetValueOrDefault(Path.GetExtension(fileName));
        if (byExtension is not null and not ArticleFormats.Text)
        {
            return byExtension;
        }

        var start = normalisedText.AsSpan().TrimStart();
        if (LooksLikeHtml(start))
        {
            return ArticleFormats.Html;
        }

        if (start.Length > 0 && start[0] is '{' or '[' && IsJson(normalisedText, maxJsonDepth))
        {
            return ArticleFormats.Json;
        }

        if (byExtension is null && (start.StartsWith("---\n") || start.StartsWith("+++\n") || start.StartsWith("# ")))
        {
            return ArticleFormats.Markdown;
        }

        return ArticleFormats.Text;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<char> start) =>
        start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
        || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
        || (start.StartsWith("<") && (start.Contains("<body", StringComparison.OrdinalIgnoreCase) || start.Contains("</p>", StringComparison.OrdinalIgnoreCase)));

    private static bool IsJson(string text, int maxDepth)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxDepth });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
