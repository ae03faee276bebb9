using System.Text.Json;
using AngleSharp.Dom;
using Ingest.Core.Extraction;
using Ingest.Core.Parsing.Json;

namespace Ingest.Core.Parsing.Html;

/// <summary>What a page's head says about its article: JSON-LD, then OpenGraph and <c>article:*</c> meta, <c>author</c>, <c>title</c>.</summary>
internal sealed class HtmlMetadata
{
    private readonly Dictionary<string, List<string>> _meta = new(StringComparer.OrdinalIgnoreCase);

    private HtmlMetadata()
    {
    }

    /// <summary>The first schema.org article among the page's JSON-LD scripts.</summary>
    public ArticleDraft? JsonLd { get; private init; }

    public string? DocumentTitle { get; private init; }

    public static HtmlMetadata Read(IDocument document, ExtractionLimits limits)
    {
        var metadata = new HtmlMetadata
        {
            JsonLd = ReadJsonLd(document, limits),
            DocumentTitle = CleanTitle(document.Title),
        };

        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            var content = meta.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                if (!metadata._meta.TryGetValue(key, out var values))
                {
                    metadata._meta[key] = values = [];
                }

                values.Add(content.Trim());
            }
        }

        return metadata;
    }

    public string? Meta(params string[] keys) => keys.Select(k => _meta.GetValueOrDefault(k)?.FirstOrDefault()).FirstOrDefault(v => v is not null);

    public IReadOnlyList<string> MetaAll(string key) => _meta.GetValueOrDefault(key) ?? [];

    private static ArticleDraft? ReadJsonLd(IDocument document, ExtractionLimits limits)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth, AllowTrailingCommas = true });
                if (JsonArticleFields.FindSchemaOrgArticle(json.RootElement) is { } element && JsonArticleFields.Read(element).Draft is { } article)
                {
                    return article;
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags and the page itself still speak.
            }
        }

        return null;
    }

    /// <summary><c>Headline | Site</c> → <c>Headline</c>: the part before the last separator, when what follows is short.</summary>
    private static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        foreach (var separator in new[] { " | ", " – ", " — ", " - ", " :: " })
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && title[(at + separator.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6)
            {
                return title[..at].Trim();
            }
        }

        return title.Trim();
    }
}
