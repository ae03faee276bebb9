using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Parsing.Dates;
using Ingest.Core.Parsing.Sections;
using Ingest.Core.Parsing.Titles;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// Reads a saved web page (AngleSharp). Metadata comes, in order of trust, from JSON-LD (<c>NewsArticle</c> and kin),
/// OpenGraph and <c>article:*</c> meta, <c>meta name="author"</c>, <c>time datetime</c>, the <c>h1</c> and <c>title</c>, and
/// from a byline in the text when the markup has none; the body from the main content (<see cref="HtmlContent"/>).
/// </summary>
public sealed class HtmlArticleReader(ExtractionLimits limits) : IArticleReader
{
    public string Format => ArticleFormats.Html;

    public ReadResult Read(string normalisedText)
    {
        using var input = ParseInput.Of(normalisedText, limits.MaxNestingDepth);
        var document = PageParser.Parse(input.Memory);
        var landmarks = PageLandmarks.Find(document);
        var metadata = HtmlMetadata.Read(document, landmarks, limits);
        var jsonLd = metadata.JsonLd;
        var provenance = new Model.Provenance();
        var title = Pick(ref provenance, p => p with { Title = ProvenanceSources.JsonLd }, JsonLdTitle(metadata))
            ?? Pick(ref provenance, p => p with { Title = ProvenanceSources.Meta }, metadata.MetaTitle)
            ?? Pick(ref provenance, p => p with { Title = ProvenanceSources.Meta }, DocumentTitle.Clean(metadata.DocumentTitle, Headings(landmarks), metadata.SiteNames))
            ?? Pick(ref provenance, p => p with { Title = ProvenanceSources.Heading }, landmarks.H1s is [var h1, ..] ? HtmlText.Of(h1, limits.MaxNestingDepth) : null);

        var (blocks, bylineInContent) = HtmlContent.Read(document, title, limits.MaxNestingDepth);
        var byline = HtmlContent.FindBylineInMarkup(landmarks, limits.MaxNestingDepth) ?? bylineInContent;
        var (summary, sections) = SectionAssembler.Assemble(blocks);

        IReadOnlyList<string> authors = [];
        if (jsonLd?.Authors.Count > 0)
        {
            (authors, provenance) = (jsonLd.Authors, provenance with { Authors = ProvenanceSources.JsonLd });
        }
        else if (MetaAuthors(metadata) is { Count: > 0 } metaAuthors)
        {
            (authors, provenance) = (metaAuthors, provenance with { Authors = ProvenanceSources.Meta });
        }
        else if (byline?.Authors.Count > 0)
        {
            (authors, provenance) = (byline.Authors, provenance with { Authors = ProvenanceSources.Byline });
        }

        DateOnly? published = null;
        if (jsonLd?.PublishedAt is { } ldDate)
        {
            (published, provenance) = (ldDate, provenance with { PublishedAt = ProvenanceSources.JsonLd });
        }
        else if (IsoDates.TryParse(metadata.Meta("article:published_time", "og:published_time", "date", "pubdate")
                     ?? landmarks.DatedTime?.GetAttribute("datetime"), out var metaDate, out _))
        {
            (published, provenance) = (metaDate, provenance with { PublishedAt = ProvenanceSources.Meta });
        }
        else if (byline?.PublishedAt is { } bylineDate)
        {
            (published, provenance) = (bylineDate, provenance with { PublishedAt = ProvenanceSources.Byline });
        }

        string? updated = null;
        if (jsonLd?.UpdatedAt is { } ldUpdated)
        {
            (updated, provenance) = (ldUpdated, provenance with { UpdatedAt = ProvenanceSources.JsonLd });
        }
        else if (IsoDates.TryParse(metadata.Meta("article:modified_time", "og:updated_time"), out _, out var metaUpdated))
        {
            (updated, provenance) = (metaUpdated, provenance with { UpdatedAt = ProvenanceSources.Meta });
        }

        var category = Pick(ref provenance, p => p with { Category = ProvenanceSources.JsonLd }, jsonLd?.Category)
            ?? Pick(ref provenance, p => p with { Category = ProvenanceSources.Meta }, metadata.Meta("article:section"));

        IReadOnlyList<string> tags = jsonLd?.Tags.Count > 0 ? jsonLd.Tags
            : metadata.MetaAll("article:tag") is { Count: > 0 } articleTags ? articleTags
            : (metadata.Meta("keywords")?.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).ToList() ?? []);

        return ReadResult.Of(new ArticleDraft
        {
            Title = title,
            Subtitle = jsonLd?.Subtitle ?? metadata.Meta("og:description", "description"),
            Authors = authors,
            PublishedAt = published,
            UpdatedAt = updated,
            Category = category,
            Tags = tags,
            Summary = summary,
            Sections = sections,
            Provenance = provenance,
        });
    }

    /// <summary>The JSON-LD article's title; of a <c>name</c> and a <c>headline</c> that differ, the one the page's <c>&lt;title&gt;</c> agrees with.</summary>
    private static string? JsonLdTitle(HtmlMetadata metadata)
    {
        if (metadata.JsonLdTitles is not ({ } name, { } headline) || metadata.DocumentTitle is not { } documentTitle)
        {
            return metadata.JsonLd?.Title;
        }

        return TextSimilarity.Of(name, documentTitle) > TextSimilarity.Of(headline, documentTitle) ? name : headline;
    }

    /// <summary>The page's top headings' texts, <c>h1</c> first.</summary>
    private IEnumerable<string> Headings(PageLandmarks landmarks) =>
        landmarks.H1s.Concat(landmarks.H2s)
            .Select(h => HtmlText.Of(h, limits.MaxNestingDepth))
            .Where(h => h.Length > 0);

    /// <summary>Authors the meta tags name (Dublin Core, <c>author</c>, OpenGraph, Parse.ly), "By" and the like read as a byline.</summary>
    private static List<string> MetaAuthors(HtmlMetadata metadata)
    {
        var value = metadata.Meta("dc:creator", "dcterm:creator", "dcterms:creator", "author", "article:author", "byl", "parsely-author") ?? "";
        if (Bylines.BylineParser.TryParse(value) is { Authors.Count: > 0 } byline)
        {
            return [.. byline.Authors];
        }

        return value
            .Split([',', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(part => part.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(name => !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Returns <paramref name="value"/> and records where it came from, or null and records nothing.</summary>
    private static string? Pick(ref Model.Provenance provenance, Func<Model.Provenance, Model.Provenance> record, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        provenance = record(provenance);
        return value.Trim();
    }
}
