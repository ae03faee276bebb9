using System.Text;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing.Bylines;
using Ingest.Core.Parsing.Dates;
using Ingest.Core.Parsing.PageDumps;
using Ingest.Core.Parsing.PlainText;
using Ingest.Core.Parsing.Sections;
using Ingest.Core.Parsing.Titles;
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

        var walked = Walk(document).ToList();
        var titleLine = fields.Count == 0 ? FirstLineTitle(body) : null;
        var page = fields.Count == 0 ? ReadAsPage(walked, titleLine) : null;
        if (title is null && (page?.Title ?? DocumentTitle.Clean(titleLine, Headings(walked))) is { } pageTitle)
        {
            (title, provenance) = (pageTitle, provenance with { Title = ProvenanceSources.Text });
        }

        var blocks = new List<ArticleBlock>();
        Byline? byline = null;
        for (var i = 0; i < walked.Count; i++)
        {
            var (block, text, _, _) = walked[i];
            if (i == 0 && titleLine is not null && block is ParagraphBlock && text.StartsWith(titleLine, StringComparison.Ordinal))
            {
                continue; // The page's <title>, read as the title above.
            }

            if (page is not null && page.InHeader(i) && LineClassifier.Classify(text) is { Kind: LineKind.Byline } bylineLine)
            {
                byline ??= bylineLine.Byline;
                continue;
            }

            if (page is not null && !page.Keeps(i))
            {
                continue;
            }

            if (block is CodeBlock)
            {
                if (page is not null)
                {
                    blocks.Add(new ArticleBlock(BlockKind.Paragraph, text));
                }

                continue;
            }

            if (block is HeadingBlock { Level: 1 } && title is null)
            {
                title = text;
                provenance = provenance with { Title = ProvenanceSources.Heading };
            }
            else if (block is HeadingBlock heading && !(heading.Level <= 2 && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)))
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
        if (titleLine is not null && title is not null && sections.Count == 0 && summary.Count == 0)
        {
            // A page whose only words are its title: those are all the text there is.
            sections = [new SectionDraft(null, [title], [])];
        }
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

    /// <summary>
    /// A whole web page saved as Markdown (no front matter; some of it furniture): the article's run of blocks as
    /// <see cref="DumpContent"/> finds it, and the title. Such a dump opens with the page's <c>&lt;title&gt;</c> as its
    /// first line, from which the site's name is trimmed; failing that, the headline above the article is the title.
    /// Null when the file is an article on its own.
    /// </summary>
    private static PageRun? ReadAsPage(List<MarkdownBlock> walked, string? titleLine)
    {
        var dump = DumpContent.Find(walked.Select(ToDumpBlock).ToArray(), titleLine);
        if (dump.IsWholeArticle || dump.IsEmpty)
        {
            return null;
        }

        var title = DocumentTitle.Clean(titleLine, Headings(walked)) ?? (dump.Headline is { } headline ? walked[headline].Text : null);
        return new PageRun(dump, title);
    }

    private static IEnumerable<string> Headings(List<MarkdownBlock> walked) =>
        walked.Where(b => b.Block is HeadingBlock { Level: <= 2 }).Select(b => b.Text);

    /// <summary>
    /// The page's <c>&lt;title&gt;</c> as a dump's first line gives it (the text before the first wide run of spaces,
    /// Markdown escapes undone), when the file opens with a title-like line rather than a heading, a list, a link or prose.
    /// </summary>
    private static string? FirstLineTitle(string body)
    {
        var firstLine = body.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (firstLine is null || !firstLine.Any(char.IsLetterOrDigit) || firstLine.StartsWith('#') || firstLine.StartsWith('[') || firstLine.StartsWith('!') || firstLine.StartsWith('*')
            || firstLine.EndsWith('.') || char.IsDigit(firstLine[0]))
        {
            return null;
        }

        // The title is followed, on the same line, by the head's white space or by the first link or image of the page.
        var end = new[] { firstLine.IndexOf("   ", StringComparison.Ordinal), UnescapedBracket(firstLine) }
            .Where(i => i > 0).DefaultIfEmpty(firstLine.Length).Min();
        var title = firstLine[..end].Replace("\\", "", StringComparison.Ordinal).Trim();
        return title.Length is > 0 and <= 300 ? title : null;
    }

    /// <summary>Where the first link or image starts (an unescaped <c>[</c> or <c>![</c>), or −1.</summary>
    private static int UnescapedBracket(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '[' && (i == 0 || line[i - 1] != '\\'))
            {
                return i > 0 && line[i - 1] == '!' ? i - 1 : i;
            }
        }

        return -1;
    }

    private static DumpBlock ToDumpBlock(MarkdownBlock block) => new(
        block.Block switch
        {
            HeadingBlock => DumpBlockKind.Heading,
            _ when block.ListDepth > 0 => DumpBlockKind.ListItem,
            CodeBlock => DumpBlockKind.Code,
            _ when block.Block.Parent is QuoteBlock => DumpBlockKind.Quote,
            _ => DumpBlockKind.Paragraph,
        },
        block.Text,
        block.LinkedLength,
        block.Block is HeadingBlock heading ? heading.Level : 0,
        block.ListDepth);

    /// <summary>A heading or paragraph with its text, the part of that text in links, and how deep in lists it stands.</summary>
    private sealed record MarkdownBlock(LeafBlock Block, string Text, int LinkedLength, int ListDepth);

    /// <summary>The article's run in a page dump, and the page's title.</summary>
    private sealed record PageRun(DumpSelection Dump, string? Title)
    {
        public bool Keeps(int index) => Dump.Keeps(index) && index != Dump.Headline;

        /// <summary>Below the headline and at the article's top: where bylines and dates stand.</summary>
        public bool InHeader(int index) => index > (Dump.Headline ?? Dump.Start - 1) && index < Dump.Start + DumpContent.BylineReachIntoArticle;
    }

    /// <summary>Headings, paragraphs and code in document order, with their text, inside lists and quotes too. Iterative: nesting costs no stack.</summary>
    private IEnumerable<MarkdownBlock> Walk(MarkdownDocument document)
    {
        var stack = new Stack<(Block Block, int Depth, int ListDepth)>();
        var inlines = new InlineScratch();
        for (var i = document.Count - 1; i >= 0; i--)
        {
            stack.Push((document[i], 1, 0));
        }

        while (stack.Count > 0)
        {
            var (block, depth, listDepth) = stack.Pop();
            switch (block)
            {
                case ContainerBlock container when depth < limits.MaxNestingDepth:
                    var childListDepth = container is ListItemBlock ? listDepth + 1 : listDepth;
                    for (var i = container.Count - 1; i >= 0; i--)
                    {
                        stack.Push((container[i], depth + 1, childListDepth));
                    }

                    break;
                case HeadingBlock or ParagraphBlock:
                    var (text, linked) = InlineText((LeafBlock)block, inlines);
                    if (text.Length > 0)
                    {
                        yield return new MarkdownBlock((LeafBlock)block, text, linked, listDepth);
                    }

                    break;
                case CodeBlock code when LineClassifier.Fold(TextNormaliser.Normalise(code.Lines.ToString())) is { Length: > 0 } codeText:
                    yield return new MarkdownBlock(code, codeText, 0, listDepth);
                    break;
            }
        }
    }

    /// <summary>
    /// The words of a block's inlines, and how many of them are link text: emphasis and links give their text, images
    /// and raw HTML give nothing.
    /// </summary>
    /// <remarks><paramref name="scratch"/>'s builder and stack serve every block of a document, one after another.</remarks>
    private static (string Text, int LinkedLength) InlineText(LeafBlock block, InlineScratch scratch)
    {
        if (block.Inline is null)
        {
            return ("", 0);
        }

        var text = scratch.Text.Clear();
        var linked = 0;
        var stack = scratch.Stack;
        stack.Clear();
        stack.Push((block.Inline, -1));
        while (stack.Count > 0)
        {
            var (inline, linkStart) = stack.Pop();
            switch (inline)
            {
                case null:
                    linked += text.Length - linkStart; // The end of a link's text.
                    break;
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
                    linked += autolink.Url.Length;
                    text.Append(autolink.Url);
                    break;
                case ContainerInline container:
                    if (container is LinkInline)
                    {
                        stack.Push((null, text.Length));
                    }

                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push((child, -1));
                    }

                    break;
            }
        }

        var folded = LineClassifier.Fold(TextNormaliser.Normalise(text.ToString()));
        return (folded, Math.Min(linked, folded.Length));
    }

    /// <summary>What reading one block's inlines needs, made once per document.</summary>
    private sealed class InlineScratch
    {
        public StringBuilder Text { get; } = new();

        public Stack<(Inline? Inline, int LinkStart)> Stack { get; } = new();
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
