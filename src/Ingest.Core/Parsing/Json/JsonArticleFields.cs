using System.Text.Json;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing.Bylines;
using Ingest.Core.Parsing.Dates;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Parsing.Json;

/// <summary>
/// Reads an article object in the common shapes scrapers and schema.org use, by field name (any case):
/// title/headline, author/authors/byline, published/datePublished/date, updated/dateModified, section/category/articleSection,
/// tags/keywords, body/text/content/articleBody or <c>sections: [{heading, paragraphs}]</c>. A known field holding the
/// wrong kind of value (a number for a title) is an error, not a guess.
/// </summary>
public static class JsonArticleFields
{
    private static readonly string[] TitleFields = ["title", "headline", "name"];
    private static readonly string[] SubtitleFields = ["subtitle", "alternativeHeadline", "standfirst", "dek", "description"];
    private static readonly string[] AuthorFields = ["authors", "author", "byline", "creator"];
    private static readonly string[] PublishedFields = ["published", "datePublished", "publishedAt", "published_at", "date", "pubDate", "publicationDate"];
    private static readonly string[] UpdatedFields = ["updated", "dateModified", "updatedAt", "updated_at", "modified", "lastModified"];
    private static readonly string[] CategoryFields = ["section", "category", "articleSection", "categories"];
    private static readonly string[] TagFields = ["tags", "keywords"];
    private static readonly string[] SummaryFields = ["summary", "keyPoints", "highlights", "bullets"];
    private static readonly string[] BodyFields = ["body", "text", "content", "articleBody", "bodyText", "body_text"];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
    };

    /// <summary>Whether <paramref name="element"/> is a schema.org article (its <c>@type</c>, a string or an array, names one).</summary>
    public static bool IsSchemaOrgArticle(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("@type", out var type) && type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };

    /// <summary>The first schema.org article in a JSON-LD value: the value itself, an array item, or an <c>@graph</c> item.</summary>
    public static JsonElement? FindSchemaOrgArticle(JsonElement element)
    {
        if (IsSchemaOrgArticle(element))
        {
            return element;
        }

        var items = element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().ToList(),
            JsonValueKind.Object when element.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array => graph.EnumerateArray().ToList(),
            _ => [],
        };
        return items.Where(IsSchemaOrgArticle).Select(i => (JsonElement?)i).FirstOrDefault();
    }

    /// <summary>
    /// The article's metadata, and its sections when the object gives them, as a draft (provenance <c>jsonld</c> for a
    /// schema.org article, else <c>json</c>); its body text, when it gives one, for the caller to read.
    /// </summary>
    public static (ArticleDraft? Draft, string? Body, ExtractionError? Error) Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, null, ExtractionError.WrongFieldType("article", "an object"));
        }

        try
        {
            var published = Text(element, PublishedFields, out _);
            var updated = Text(element, UpdatedFields, out _);
            var draft = new ArticleDraft
            {
                Title = Clean(Text(element, TitleFields, out _)),
                Subtitle = Clean(Text(element, SubtitleFields, out _)),
                Authors = Authors(element),
                PublishedAt = IsoDates.TryParse(published, out var publishedDate, out _) ? publishedDate : null,
                UpdatedAt = IsoDates.TryParse(updated, out _, out var updatedIso) ? updatedIso : null,
                Category = Clean(TextOrFirst(element, CategoryFields)),
                Tags = List(element, TagFields, splitCommas: true),
                Summary = List(element, SummaryFields, splitCommas: false),
                Sections = Sections(element) ?? [],
            };
            var source = IsSchemaOrgArticle(element) ? ProvenanceSources.JsonLd : ProvenanceSources.Json;
            return (draft with { Provenance = ProvenanceOf(draft, source) }, Text(element, BodyFields, out _), null);
        }
        catch (FieldTypeException exception)
        {
            return (null, null, ExtractionError.WrongFieldType(exception.Field, exception.Expected));
        }
    }

    private static Provenance ProvenanceOf(ArticleDraft draft, string source) => new()
    {
        Title = draft.Title is null ? null : source,
        Authors = draft.Authors.Count == 0 ? null : source,
        PublishedAt = draft.PublishedAt is null ? null : source,
        UpdatedAt = draft.UpdatedAt is null ? null : source,
        Category = draft.Category is null ? null : source,
    };

    private static JsonElement? Find(JsonElement element, string[] names, out string? found)
    {
        foreach (var name in names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    found = property.Name;
                    return property.Value;
                }
            }
        }

        found = null;
        return null;
    }

    private static string? Text(JsonElement element, string[] names, out string? field)
    {
        var value = Find(element, names, out field);
        return value switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            _ => throw new FieldTypeException(field!, "a string"),
        };
    }

    private static string? TextOrFirst(JsonElement element, string[] names)
    {
        var value = Find(element, names, out var field);
        return value switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : throw new FieldTypeException(field!, "a string or a list of strings")).FirstOrDefault(),
            _ => throw new FieldTypeException(field!, "a string or a list of strings"),
        };
    }

    private static List<string> List(JsonElement element, string[] names, bool splitCommas)
    {
        var value = Find(element, names, out var field);
        IEnumerable<string?> items = value switch
        {
            null => [],
            { ValueKind: JsonValueKind.String } v when splitCommas => v.GetString()!.Split(','),
            { ValueKind: JsonValueKind.String } v => [v.GetString()],
            { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : throw new FieldTypeException(field!, "a list of strings")),
            _ => throw new FieldTypeException(field!, "a string or a list of strings"),
        };
        return items.Select(Clean).OfType<string>().ToList();
    }

    /// <summary>Authors as a string ("A and B", "By A | Published …"), a list of strings, or schema.org Person objects.</summary>
    private static List<string> Authors(JsonElement element)
    {
        var value = Find(element, AuthorFields, out var field);
        var names = value switch
        {
            null => [],
            { ValueKind: JsonValueKind.String } v => SplitNames(v.GetString()!),
            { ValueKind: JsonValueKind.Object } v => [PersonName(v, field!)],
            { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(i => i.ValueKind switch
            {
                JsonValueKind.String => i.GetString(),
                JsonValueKind.Object => PersonName(i, field!),
                _ => throw new FieldTypeException(field!, "names or objects with a name"),
            }).ToList(),
            _ => throw new FieldTypeException(field!, "a name, a list of names or objects with a name"),
        };
        return names.Select(Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string?> SplitNames(string text) =>
        [.. BylineParser.TryParse(text)?.Authors ?? AuthorNames.TrySplit(text) ?? [text]];

    private static string? PersonName(JsonElement person, string field) =>
        person.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : throw new FieldTypeException(field, "objects with a name");

    /// <summary><c>sections: [{heading, paragraphs: [..] | text, imageCredits: [..]}]</c>.</summary>
    private static List<SectionDraft>? Sections(JsonElement element)
    {
        var value = Find(element, ["sections"], out _);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldTypeException("sections", "a list of {heading, paragraphs} objects");
        }

        return value.Value.EnumerateArray().Select(section =>
        {
            if (section.ValueKind != JsonValueKind.Object)
            {
                throw new FieldTypeException("sections", "a list of {heading, paragraphs} objects");
            }

            var paragraphs = List(section, ["paragraphs"], splitCommas: false);
            if (Text(section, ["text", "body", "content"], out _) is { } text)
            {
                paragraphs.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Clean).OfType<string>());
            }

            return new SectionDraft(Clean(Text(section, ["heading", "title"], out _)), paragraphs, List(section, ["imageCredits", "credits"], splitCommas: false));
        }).ToList();
    }

    /// <summary>Normalised, single-spaced, null when empty.</summary>
    private static string? Clean(string? text) =>
        text is null ? null : LineClassifier.Fold(TextNormaliser.Normalise(text)) is { Length: > 0 } folded ? folded : null;

    private sealed class FieldTypeException(string field, string expected) : Exception($"'{field}' should be {expected}.")
    {
        public string Field { get; } = field;
        public string Expected { get; } = expected;
    }
}
