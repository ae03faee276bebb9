namespace Ingest.Core.Model;

/// <summary>The values a <see cref="Provenance"/> field takes (the HTTP contract lists more, one per format).</summary>
public static class ProvenanceSources
{
    /// <summary>The body text itself, e.g. the first line of a plain-text dump taken as its title.</summary>
    public const string Text = "text";

    /// <summary>A byline such as <c>By A and B | Published 3 March 2025</c>.</summary>
    public const string Byline = "byline";

    /// <summary>The dateline opening the first paragraph.</summary>
    public const string Dateline = "dateline";

    /// <summary>schema.org JSON-LD: a page's <c>application/ld+json</c>, or a JSON file in that vocabulary.</summary>
    public const string JsonLd = "jsonld";

    /// <summary>HTML <c>meta</c> tags (OpenGraph, <c>article:*</c>, <c>author</c>), <c>time</c> and <c>title</c>.</summary>
    public const string Meta = "meta";

    /// <summary>A page's or a Markdown file's top-level heading.</summary>
    public const string Heading = "heading";

    /// <summary>Markdown front matter, YAML or TOML.</summary>
    public const string FrontMatter = "frontmatter";

    /// <summary>The fields of a scraper's JSON.</summary>
    public const string Json = "json";
}
