using AngleSharp.Html.Parser;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Parsing.Dates;
using Ingest.Core.Parsing.Sections;

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
        var document = new HtmlParser().ParseDocument(HtmlDepthGuard.Flatten(normalisedText, limits.MaxNestingDepth));
        var metadata = HtmlMetadata.Read(document, limits);
        var jsonLd = metadata.JsonLd;
        var root = HtmlContent.FindRoot(document, limits.MaxNestingDepth);
        Bylines.Byline? bylineInText = null;
        var blocks = root is null ? [] : HtmlContent.ReadBlocks(root, limits.MaxNestingDepth, out bylineInText);
        var byline = HtmlContent.FindBylineInMarkup(document, limits.MaxNestingDepth) ?? bylineInText;
        var (summary, sections) = SectionAssembler.Assemble(blocks);
        var h1 = root?.QuerySelector("h1") ?? document.QuerySelector("h1");

        var provenance = new Model.Provenance();
        var title = Pick(ref provenance, p => p with { Title = ProvenanceSources.JsonLd }, jsonLd?.Title)
            ?? Pick(ref provenance, p => p with { Title = ProvenanceSources.Meta }, metadata.Meta("og:title", "twitter:title"))
            ?? Pick(ref provenance, p => p with { Title = ProvenanceSources.Heading }, h1 is null ? null : HtmlText.Of(h1, limits.MaxNestingDepth))
            ?? Pick(ref provenance, p => p with { Title = ProvenanceSources.Meta }, metadata.DocumentTitle);

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
                     ?? (root ?? document.DocumentElement).QuerySelector("time[datetime]")?.GetAttribute("datetime"), out var metaDate, out _))
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

    private static List<string> MetaAuthors(HtmlMetadata metadata) =>
        (metadata.Meta("author", "article:author", "byl") ?? "")
        .Split([',', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .SelectMany(part => part.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(name => !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        .ToList();

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
