using System.Text;
using System.Text.RegularExpressions;
using Ingest.Core.Model;
using Ingest.Core.Parsing.Bylines;
using Ingest.Core.Parsing.Dates;
using Ingest.Core.Parsing.PageDumps;
using Ingest.Core.Parsing.Sections;

namespace Ingest.Core.Parsing.PlainText;

/// <summary>
/// Reads a plain-text dump of a news page: each line is classified on its own
/// (<see cref="LineClassifier"/>), then the article is assembled in two passes — the header
/// (title, byline, standfirst, key-point bullets, lead image credit) and the body (paragraphs,
/// headings that open sections, image credits of each section).
/// </summary>
public sealed partial class PlainTextArticleReader : IArticleReader
{
    private const int MaxTitleWords = 30;
    private const int MaxTitleLength = 300;
    private const int MaxHeadingWords = 14;
    private const int MaxHeadingLength = 120;
    private const int MaxHeadingChain = 3;

    public string Format => ArticleFormats.Text;

    public ReadResult Read(string normalisedText)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        var lines = JoinWrappedLines(normalisedText, out var layout);
        var dump = DumpContent.Find(ToDumpBlocks(lines, layout), titleHint: null);
        Header header;
        List<ArticleBlock> body;
        if (dump.IsWholeArticle)
        {
            header = ReadHeader(lines, 0, out var bodyStart);
            if (dump.Headline is { } headline && headline >= bodyStart)
            {
                // The page's top bar came first: the headline is the line the article's words point to, below it.
                header.Title = lines[headline].Text;
            }

            body = BodyBlocks(lines, bodyStart, lines.Count - 1, _ => true);
        }
        else
        {
            header = ReadPageHeader(lines, dump.Headline, dump.Start);
            body = BodyBlocks(lines, dump.Start, dump.End, dump.Keeps);
        }

        var (_, sections) = SectionAssembler.Assemble(body, header.LeadCredits);
        if (sections.Count == 0 && header.Title is not null)
        {
            // A file of a line or two that all read as a title: those lines are all the text there is.
            sections = [new SectionDraft(null, new[] { header.Title, header.Subtitle }.OfType<string>().ToList(), header.LeadCredits)];
        }

        return ReadResult.Of(new ArticleDraft
        {
            Title = header.Title,
            Subtitle = header.Subtitle,
            Authors = header.Byline?.Authors ?? [],
            PublishedAt = header.Byline?.PublishedAt,
            UpdatedAt = header.Byline?.UpdatedAt is { } updated ? IsoDates.Format(updated) : null,
            Category = header.Byline?.Category,
            Summary = header.Summary,
            Sections = sections,
            Provenance = new Provenance
            {
                Title = header.Title is null ? null : ProvenanceSources.Text,
                Authors = header.Byline?.Authors.Count > 0 ? ProvenanceSources.Byline : null,
                PublishedAt = header.Byline?.PublishedAt is null ? null : ProvenanceSources.Byline,
                UpdatedAt = header.Byline?.UpdatedAt is null ? null : ProvenanceSources.Byline,
                Category = header.Byline?.Category is null ? null : ProvenanceSources.Byline,
            },
        });
    }

    /// <summary>
    /// Reads text that is only an article's body, such as the <c>body</c> field of scraped JSON: no title or byline is
    /// looked for, but key points before the first paragraph, headings, credits and furniture are recognised as in a page dump.
    /// </summary>
    public static (List<string> Summary, List<SectionDraft> Sections) ReadBody(string normalisedText)
    {
        var lines = JoinWrappedLines(normalisedText, out _);
        return SectionAssembler.Assemble(BodyBlocks(lines, 0, lines.Count - 1, _ => true));
    }

    /// <summary>
    /// Classifies every non-blank line. A text line that continues a hard-wrapped paragraph
    /// (it starts in lower case, or the line before ends mid-clause) joins the line before it.
    /// <paramref name="layout"/> says, per line, whether a blank line came before it and how it was indented.
    /// </summary>
    private static List<ClassifiedLine> JoinWrappedLines(string text, out List<LineLayout> layout)
    {
        // Sized for the file's lines up front — at most its lines less its blank ones, of which each "\n\n" makes one:
        // growing lists of a large file's lines copies them again and again. Only lines with text become strings.
        var capacity = text.AsSpan().Count('\n') + 1 - text.AsSpan().Count("\n\n");
        var lines = new List<ClassifiedLine>(capacity);
        layout = new List<LineLayout>(capacity);
        var previousWasBlank = true;
        // The paragraph being joined, built once: adding each wrapped line to the text so far would copy it once per line.
        StringBuilder? joined = null;
        var lastLine = "";
        foreach (var range in text.AsSpan().Split('\n'))
        {
            if (range.Start.Equals(range.End))
            {
                previousWasBlank = true;
                continue;
            }

            var raw = text[range];
            var line = LineClassifier.Classify(raw);
            if (!previousWasBlank && line.Kind == LineKind.Text && lines is [.., { Kind: LineKind.Text } last] && ContinuesParagraph(lastLine, line.Text))
            {
                (joined ??= new StringBuilder(last.Text)).Append(' ').Append(line.Text);
            }
            else
            {
                EndJoin(lines, ref joined);
                lines.Add(line);
                var content = raw.AsSpan().TrimStart();
                layout.Add(new LineLayout(previousWasBlank, raw.Length - content.Length, content is [var first, ..] && char.IsDigit(first) && NumberedItem().IsMatch(raw)));
            }

            lastLine = line.Text;
            previousWasBlank = false;
        }

        EndJoin(lines, ref joined);
        return lines;

        static void EndJoin(List<ClassifiedLine> lines, ref StringBuilder? joined)
        {
            if (joined is not null)
            {
                lines[^1] = lines[^1] with { Text = joined.ToString() };
                joined = null;
            }
        }
    }

    /// <summary>How a line stood in the file: after a blank line or not, its indent, and whether it opens with an item number ("1. ").</summary>
    private readonly record struct LineLayout(bool AfterBreak, int Indent, bool Numbered);

    private static DumpBlock[] ToDumpBlocks(List<ClassifiedLine> lines, List<LineLayout> layout)
    {
        var blocks = new DumpBlock[lines.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = ToDumpBlock(lines[i], layout[i]);
        }

        return blocks;
    }

    private static DumpBlock ToDumpBlock(ClassifiedLine line, LineLayout layout) => new(
        line.Kind == LineKind.Bullet || layout.Numbered ? DumpBlockKind.ListItem : DumpBlockKind.Paragraph,
        line.Text,
        ListDepth: line.Kind == LineKind.Bullet || layout.Numbered ? 1 + (layout.Indent / 2) : 0,
        AfterBreak: layout.AfterBreak);

    [GeneratedRegex(@"^\s*\d{1,3}\.\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    private static bool ContinuesParagraph(string previous, string next) =>
        char.IsLower(next[0]) || previous[^1] is ',' or '-' or ';' or '(';

    private static Header ReadHeader(List<ClassifiedLine> lines, int start, out int bodyStart)
    {
        var header = new Header();
        var i = start;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Boilerplate:
                    continue;
                case LineKind.Byline:
                    header.Byline = Merge(header.Byline, line.Byline!);
                    continue;
                case LineKind.Credit:
                    header.LeadCredits.Add(line.Text);
                    continue;
                case LineKind.Bullet:
                    header.Summary.Add(line.Text);
                    continue;
            }

            if (header.Title is null && header.Byline is null && header.Summary.Count == 0 && LooksLikeTitle(line.Text))
            {
                header.Title = line.Text;
            }
            else if (header.Title is not null && string.Equals(line.Text, header.Title, StringComparison.OrdinalIgnoreCase))
            {
                // Pages repeat the title above the lead image.
            }
            else if (header.Title is not null && header.Subtitle is null && header.Byline is null && header.Summary.Count == 0 && BylineFollows(lines, i))
            {
                header.Subtitle = line.Text;
            }
            else
            {
                break;
            }
        }

        bodyStart = i;
        return header;
    }

    /// <summary>
    /// The header of an article inside a page dump: the headline the dump's reader found is the title; bylines and image
    /// credits between it and the article's first block are read (a byline may also stand just below the first
    /// paragraphs), the rest there (share bars, dates, labels) is not text.
    /// </summary>
    private static Header ReadPageHeader(List<ClassifiedLine> lines, int? headline, int start)
    {
        var header = new Header { Title = headline is { } at ? lines[at].Text : null };
        for (var i = (headline ?? start - 1) + 1; i < Math.Min(lines.Count, start + DumpContent.BylineReachIntoArticle); i++)
        {
            switch (lines[i].Kind)
            {
                case LineKind.Byline:
                    header.Byline = Merge(header.Byline, lines[i].Byline!);
                    break;
                case LineKind.Credit when i < start:
                    header.LeadCredits.Add(lines[i].Text);
                    break;
            }
        }

        return header;
    }

    /// <summary>A standfirst sits between the title and the byline.</summary>
    private static bool BylineFollows(List<ClassifiedLine> lines, int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            switch (lines[j].Kind)
            {
                case LineKind.Byline:
                    return true;
                case LineKind.Boilerplate or LineKind.Credit:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The body's lines from <paramref name="start"/> to <paramref name="end"/> that <paramref name="keep"/> keeps, as blocks: furniture and bylines left out, headings told from paragraphs.</summary>
    private static List<ArticleBlock> BodyBlocks(List<ClassifiedLine> lines, int start, int end, Func<int, bool> keep)
    {
        end = Math.Min(end, lines.Count - 1);
        var blocks = new List<ArticleBlock>(Math.Max(0, end - start + 1));
        for (var i = start; i <= end; i++)
        {
            if (!keep(i))
            {
                continue;
            }

            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Boilerplate or LineKind.Byline:
                    // A second byline or date line adds nothing the header did not, and never belongs in the text.
                    break;
                case LineKind.Credit:
                    blocks.Add(new ArticleBlock(BlockKind.Credit, line.Text));
                    break;
                case LineKind.Bullet:
                    blocks.Add(new ArticleBlock(BlockKind.ListItem, line.Text));
                    break;
                default:
                    blocks.Add(new ArticleBlock(IsHeading(lines, i, MaxHeadingChain) ? BlockKind.Heading : BlockKind.Paragraph, line.Text));
                    break;
            }
        }

        return blocks;
    }

    /// <summary>A heading is a short title-like line that introduces body text: the next line that is neither furniture nor a credit is a paragraph, a list, or another heading that does.</summary>
    private static bool IsHeading(List<ClassifiedLine> lines, int index, int chain)
    {
        if (chain == 0 || !LooksLikeHeading(lines[index].Text))
        {
            return false;
        }

        for (var j = index + 1; j < lines.Count; j++)
        {
            switch (lines[j].Kind)
            {
                case LineKind.Boilerplate or LineKind.Credit:
                    continue;
                case LineKind.Bullet:
                    return true;
                case LineKind.Text:
                    return !LooksLikeHeading(lines[j].Text) || IsHeading(lines, j, chain - 1);
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool LooksLikeTitle(string text) =>
        text.Length <= MaxTitleLength && StartsLikeAName(text) && !EndsLikeASentence(text) && LineWords.AtMost(text, MaxTitleWords);

    private static bool LooksLikeHeading(string text) =>
        text.Length <= MaxHeadingLength && StartsLikeAName(text) && !EndsLikeASentence(text) && LineWords.AtMost(text, MaxHeadingWords);

    private static bool StartsLikeAName(string text)
    {
        var first = text.AsSpan().TrimStart("\"“‘'([");
        return first.Length > 0 && (char.IsUpper(first[0]) || char.IsDigit(first[0]));
    }

    /// <summary>Ends with a full stop, comma, colon, semicolon or exclamation mark, closing quotes aside; a question mark may end a heading.</summary>
    private static bool EndsLikeASentence(string text) =>
        text.AsSpan().TrimEnd("\"”’')]") is { Length: > 0 } trimmed && trimmed[^1] is '.' or ',' or ':' or ';' or '!' or '…';

    private static Byline Merge(Byline? first, Byline next) => first is null
        ? next
        : first with
        {
            Authors = first.Authors.Count > 0 ? first.Authors : next.Authors,
            Category = first.Category ?? next.Category,
            PublishedAt = first.PublishedAt ?? next.PublishedAt,
            UpdatedAt = first.UpdatedAt ?? next.UpdatedAt,
        };

    private sealed class Header
    {
        public string? Title { get; set; }
        public string? Subtitle { get; set; }
        public Byline? Byline { get; set; }
        public List<string> Summary { get; } = [];
        public List<string> LeadCredits { get; } = [];
    }
}
