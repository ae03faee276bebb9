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

    /// <summary>The JSON-LD article's <c>name</c> and <c>headline</c>, when it gives both and they differ (one is sometimes the site's name or a description).</summary>
    public (string Name, string Headline)? JsonLdTitles { get; private init; }

    public static HtmlMetadata Read(IDocument document, PageLandmarks landmarks, ExtractionLimits limits)
    {
        var (jsonLd, titles) = ReadJsonLd(landmarks, limits);
        var metadata = new HtmlMetadata
        {
            JsonLd = jsonLd,
            JsonLdTitles = titles,
            DocumentTitle = document.Title,
        };

        // A property may name several keys ("og:title twitter:title"); a property's value wins over a name's for the same key.
        var fromNames = new List<(string Key, string Value)>();
        foreach (var meta in landmarks.Metas)
        {
            var content = meta.GetAttribute("content")?.Trim();
            if (string.IsNullOrEmpty(content))
            {
                continue;
            }

            foreach (var key in (meta.GetAttribute("property") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                metadata.Add(NormaliseKey(key), content);
            }

            if (meta.GetAttribute("name") is { } name && !string.IsNullOrWhiteSpace(name))
            {
                fromNames.Add((NormaliseKey(name), content));
            }
        }

        foreach (var (key, value) in fromNames)
        {
            metadata.Add(key, value);
        }

        return metadata;
    }

    /// <summary>The names the site gives itself: OpenGraph's site name, the application name.</summary>
    public IEnumerable<string> SiteNames => MetaAll("og:site_name").Concat(MetaAll("application-name")).Concat(MetaAll("apple-mobile-web-app-title"));

    /// <summary>The page's own title for its article, in order of trust: Dublin Core, OpenGraph, <c>meta name="title"</c>, Twitter, Parse.ly.</summary>
    public string? MetaTitle => Meta("dc:title", "dcterm:title", "dcterms:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title");

    private void Add(string key, string value)
    {
        if (!_meta.TryGetValue(key, out var values))
        {
            _meta[key] = values = [];
        }

        values.Add(value);
    }

    /// <summary><c>DC.Title</c>, <c>dc:title</c> and <c>dc : title</c> are one key.</summary>
    private static string NormaliseKey(string key) => string.Concat(key.Where(c => !char.IsWhiteSpace(c))).Replace('.', ':').ToLowerInvariant();

    public string? Meta(params string[] keys) => keys.Select(k => _meta.GetValueOrDefault(k)?.FirstOrDefault()).FirstOrDefault(v => v is not null);

    public IReadOnlyList<string> MetaAll(string key) => _meta.GetValueOrDefault(key) ?? [];

    private static (ArticleDraft? Article, (string, string)? Titles) ReadJsonLd(PageLandmarks landmarks, ExtractionLimits limits)
    {
        foreach (var script in landmarks.JsonLdScripts)
        {
            try
            {
                using var json = JsonDocument.Parse(WithoutCharacterData(script.TextContent), new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth, AllowTrailingCommas = true });
                if (JsonArticleFields.FindSchemaOrgArticle(json.RootElement) is { } element && JsonArticleFields.Read(element).Draft is { } article)
                {
                    var name = StringProperty(element, "name");
                    var headline = StringProperty(element, "headline");
                    return (article, name is not null && headline is not null && name != headline ? (name, headline) : null);
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags and the page itself still speak.
            }
        }

        return (null, null);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>JSON-LD wrapped in a CDATA section (<c>&lt;![CDATA[ … ]]&gt;</c>, also behind <c>//</c>), as older templates write it.</summary>
    private static string WithoutCharacterData(string script)
    {
        var text = script.Trim();
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            text = text.TrimStart('/').TrimStart();
        }

        if (!text.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return script;
        }

        text = text["<![CDATA[".Length..];
        var end = text.LastIndexOf("]]>", StringComparison.Ordinal);
        return (end >= 0 ? text[..end] : text).TrimEnd().TrimEnd('/');
    }
}
