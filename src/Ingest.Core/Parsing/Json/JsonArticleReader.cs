using System.Text.Json;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Parsing.Json;

/// <summary>
/// Reads scraper JSON and schema.org <c>NewsArticle</c>: one article object, an array of them (one file, many articles,
/// each at its position), or a wrapper holding one under <c>articles</c>, <c>items</c> or <c>@graph</c>. A body given as
/// text is read like a page dump's body (headings, credits, dateline); <c>sections</c> are taken as given.
/// </summary>
public sealed class JsonArticleReader(ExtractionLimits limits) : IArticleReader
{
    private static readonly string[] WrapperFields = ["articles", "items", "data", "results"];

    public string Format => ArticleFormats.Json;

    public ReadResult Read(string normalisedText)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(normalisedText, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            return ReadResult.Failure(ExtractionError.MalformedJson(exception.Message.Split(" Path:", 2)[0]));
        }

        using (document)
        {
            var items = Articles(document.RootElement);
            if (items.Count > limits.MaxArticlesPerFile)
            {
                return ReadResult.Failure(ExtractionError.TooManyArticles(items.Count, limits.MaxArticlesPerFile));
            }

            var drafts = new List<ArticleDraft>(items.Count);
            for (var position = 0; position < items.Count; position++)
            {
                var (draft, body, error) = JsonArticleFields.Read(items[position]);
                if (error is not null)
                {
                    return ReadResult.Failure(items.Count == 1 ? error : error with { Message = $"Article {position}: {error.Message}" });
                }

                drafts.Add(WithBody(draft!, body) with { Position = position, ContentText = items.Count == 1 ? null : items[position].GetRawText() });
            }

            return ReadResult.Of(drafts);
        }
    }

    private static List<JsonElement> Articles(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().ToList();
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (WrapperFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    return property.Value.EnumerateArray().ToList();
                }
            }

            if (!JsonArticleFields.IsSchemaOrgArticle(root) && JsonArticleFields.FindSchemaOrgArticle(root) is { } graphArticle)
            {
                return [graphArticle];
            }
        }

        return [root];
    }

    /// <summary>A body given as text is read like a page dump's body; sections given as such are taken as they are.</summary>
    private static ArticleDraft WithBody(ArticleDraft draft, string? body)
    {
        if (draft.Sections.Count > 0 || body is null)
        {
            return draft;
        }

        var (summary, sections) = PlainTextArticleReader.ReadBody(Normalisation.TextNormaliser.Normalise(body));
        return draft with { Summary = draft.Summary.Count > 0 ? draft.Summary : summary, Sections = sections };
    }
}
