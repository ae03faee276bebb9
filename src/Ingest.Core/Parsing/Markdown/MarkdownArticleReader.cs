using System.Text;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing.Bylines;
using Ingest.Core.Parsing.Dates;
using Ingest.Core.Parsing.PlainText;
using Ingest.Core.Parsing.Sections;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Ingest.Core.Parsing.Markdown;

/// <summary>
/// Reads a Markdown article (Markdig): YAML or TOML front matter (title, author/authors, date, updated, category,
/// tags, subtitle), ATX and setext headings (a level-1 heading is the title when the front matter has none), lists,
/// block quotes; links are kept as their text, images and code are not prose. Headings inside code fences are code.
/// </summary>
public sealed class MarkdownArticleReader(ExtractionLimits limits) : IArticleReader
{
    public string Format => ArticleFormats.Markdown;

    public ReadResult Read(string normalisedText)
    {
        var (fields, body) = FrontMatter.Split(normalisedText, limits.MaxFrontMatterChars);
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(body);
        }
        catch (ArgumentException)
        {
            // Markdig's own depth limit: thousands of nested quotes or lists.
            return ReadResult.Failure(ExtractionError.TooDeeplyNested("Markdown"));
        }

        var provenance = new Provenance();

        var title = Field(fields, "title");
        provenance = provenance with { Title = title is null ? null : ProvenanceSources.FrontMatter };
        var blocks = new List<ArticleBlock>();
        Byline? byline = null;
        foreach (var (block, text) in Walk(document))
        {
            if (block is HeadingBlock { Level: 1 } && title is null)
            {
                title = text;
                provenance = provenance with { Title = ProvenanceSources.Heading };
            }
            else if (block is HeadingBlock heading && !(heading.Level == 1 && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)))
            {
                blocks.Add(new ArticleBlock(BlockKind.Heading, text));
            }
            else if (block.Parent is ListItemBlock)
            {
                blocks.Add(new ArticleBlock(BlockKind.ListItem, text));
            }
            else if (block is ParagraphBlock)
            {
                var line = LineClassifier.Classify(text);
                switch (line.Kind)
                {
                    case LineKind.Credit:
                        blocks.Add(new ArticleBlock(BlockKind.Credit, line.Text));
                        break;
                    case LineKind.Byline:
                        byline ??= line.Byline;
                        break;
                    case LineKind.Text:
                        blocks.Add(new ArticleBlock(BlockKind.Paragraph, line.Text));
                        break;
                }
            }
        }

        var (summary, sections) = SectionAssembler.Assemble(blocks);
        var authors = Names(fields, "authors", "author");
        var published = IsoDates.TryParse(Field(fields, "date", "published", "publishDate"), out var date, out _) ? date : (DateOnly?)null;
        var updated = IsoDates.TryParse(Field(fields, "updated", "lastmod", "modified"), out _, out var updatedIso) ? updatedIso : null;
        var category = Field(fields, "category") ?? (fields.GetValueOrDefault("categories") as List<string>)?.FirstOrDefault();
        return ReadResult.Of(new ArticleDraft
        {
            Title = title,
            Subtitle = Field(fields, "subtitle", "description"),
            Authors = authors.Count > 0 ? authors : byline?.Authors ?? [],
            PublishedAt = published ?? byline?.PublishedAt,
            UpdatedAt = updated,
            Category = category,
            Tags = Names(fields, "tags", "keywords"),
            Summary = summary,
            Sections = sections,
            Provenance = provenance with
            {
                Authors = authors.Count > 0 ? ProvenanceSources.FrontMatter : byline?.Authors.Count > 0 ? ProvenanceSources.Byline : null,
                PublishedAt = published is not null ? ProvenanceSources.FrontMatter : byline?.PublishedAt is not null ? ProvenanceSources.Byline : null,
                UpdatedAt = updated is null ? null : ProvenanceSources.FrontMatter,
                Category = category is null ? null : ProvenanceSources.FrontMatter,
            },
        });
    }

    /// <summary>Headings and paragraphs in document order, with their text, inside lists and quotes too. Iterative: nesting costs no stack.</summary>
    private IEnumerable<(LeafBlock Block, string Text)> Walk(MarkdownDocument document)
    {
        var stack = new Stack<(Block Block, int Depth)>();
        for (var i = document.Count - 1; i >= 0; i--)
        {
            stack.Push((document[i], 1));
        }

        while (stack.Count > 0)
        {
            var (block, depth) = stack.Pop();
            switch (block)
            {
                case ContainerBlock container when depth < limits.MaxNestingDepth:
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push((container[i], depth + 1));
                    }

                    break;
                case HeadingBlock or ParagraphBlock when InlineText((LeafBlock)block) is { Length: > 0 } text:
                    yield return ((LeafBlock)block, text);
                    break;
            }
        }
    }

    /// <summary>The words of a block's inlines: emphasis and links give their text, images and raw HTML give nothing.</summary>
    private static string InlineText(LeafBlock block)
    {
        if (block.Inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        var stack = new Stack<Inline>();
        stack.Push(block.Inline);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LinkInline { IsImage: true } or HtmlInline:
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case ContainerInline container:
                    foreach (var child in container.Reverse())
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return LineClassifier.Fold(TextNormaliser.Normalise(text.ToString()));
    }

    private static string? Field(IReadOnlyDictionary<string, object?> fields, params string[] names) =>
        names.Select(n => fields.GetValueOrDefault(n) switch
        {
            string s when s.Trim().Length > 0 => s.Trim(),
            List<string> { Count: > 0 } list => list[0],
            _ => null,
        }).FirstOrDefault(v => v is not null);

    private static List<string> Names(IReadOnlyDictionary<string, object?> fields, params string[] names)
    {
        foreach (var name in names)
        {
            switch (fields.GetValueOrDefault(name))
            {
                case List<string> list when list.Count > 0:
                    return list.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
                case string text when text.Trim().Length > 0:
                    return name.StartsWith("author", StringComparison.OrdinalIgnoreCase)
                        ? [.. AuthorNames.TrySplit(text) ?? [text.Trim()]]
                        : text.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            }
        }

        return [];
    }
}
