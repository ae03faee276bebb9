using Ingest.Core.Model;
using Ingest.Core.Parsing.Bylines;

namespace Ingest.Core.Parsing.PlainText;

/// <summary>
/// Reads a plain-text dump of a news page: each line is classified on its own
/// (<see cref="LineClassifier"/>), then the article is assembled in two passes — the header
/// (title, byline, standfirst, key-point bullets, lead image credit) and the body (paragraphs,
/// headings that open sections, image credits of each section).
/// </summary>
public sealed class PlainTextArticleReader : IArticleReader
{
    private const int MaxTitleWords = 30;
    private const int MaxHeadingWords = 14;
    private const int MaxHeadingLength = 120;
    private const int MaxHeadingChain = 3;

    public string Format => ArticleFormats.Text;

    public ArticleDraft Read(string normalisedText)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        var lines = JoinWrappedLines(normalisedText.Split('\n'));
        var header = ReadHeader(lines, out var bodyStart);
        var sections = ReadBody(lines, bodyStart, header.LeadCredits);

        return new ArticleDraft
        {
            Title = header.Title,
            Subtitle = header.Subtitle,
            Authors = header.Byline?.Authors ?? [],
            PublishedAt = header.Byline?.PublishedAt,
            UpdatedAt = header.Byline?.UpdatedAt,
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
        };
    }

    /// <summary>
    /// Classifies every non-blank line. A text line that continues a hard-wrapped paragraph
    /// (it starts in lower case, or the line before ends mid-clause) joins the line before it.
    /// </summary>
    private static List<ClassifiedLine> JoinWrappedLines(string[] rawLines)
    {
        var lines = new List<ClassifiedLine>();
        var previousWasBlank = true;
        foreach (var raw in rawLines)
        {
            if (raw.Length == 0)
            {
                previousWasBlank = true;
                continue;
            }

            var line = LineClassifier.Classify(raw);
            if (!previousWasBlank && line.Kind == LineKind.Text && lines is [.., { Kind: LineKind.Text } last] && ContinuesParagraph(last.Text, line.Text))
            {
                lines[^1] = last with { Text = last.Text + " " + line.Text };
            }
            else
            {
                lines.Add(line);
            }

            previousWasBlank = false;
        }

        return lines;
    }

    private static bool ContinuesParagraph(string previous, string next) =>
        char.IsLower(next[0]) || previous[^1] is ',' or '-' or ';' or '(';

    private static Header ReadHeader(List<ClassifiedLine> lines, out int bodyStart)
    {
        var header = new Header();
        var i = 0;
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

    private static List<SectionDraft> ReadBody(List<ClassifiedLine> lines, int start, List<string> leadCredits)
    {
        var sections = new List<SectionDraft>();
        var current = new SectionBuilder(null, leadCredits);
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Boilerplate or LineKind.Byline:
                    // A second byline or date line adds nothing the header did not, and never belongs in the text.
                    break;
                case LineKind.Credit:
                    current.ImageCredits.Add(line.Text);
                    break;
                case LineKind.Text when IsHeading(lines, i, MaxHeadingChain):
                    current.AddTo(sections);
                    current = new SectionBuilder(line.Text, []);
                    break;
                default:
                    // Paragraphs, and bullets inside the body, which are list items kept as paragraphs.
                    current.Paragraphs.Add(line.Text);
                    break;
            }
        }

        current.AddTo(sections);
        return sections;
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
        StartsLikeAName(text) && CountWords(text) <= MaxTitleWords && !EndsLikeASentence(text);

    private static bool LooksLikeHeading(string text) =>
        text.Length <= MaxHeadingLength && StartsLikeAName(text) && CountWords(text) <= MaxHeadingWords && !EndsLikeASentence(text);

    private static bool StartsLikeAName(string text)
    {
        var first = text.TrimStart('"', '“', '‘', '\'', '(', '[');
        return first.Length > 0 && (char.IsUpper(first[0]) || char.IsDigit(first[0]));
    }

    /// <summary>Ends with a full stop, comma, colon, semicolon or exclamation mark, closing quotes aside; a question mark may end a heading.</summary>
    private static bool EndsLikeASentence(string text) =>
        text.TrimEnd('"', '”', '’', '\'', ')', ']') is { Length: > 0 } trimmed && trimmed[^1] is '.' or ',' or ':' or ';' or '!' or '…';

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static Byline Merge(Byline? first, Byline next) => first is null
        ? next
        : first with
        {
            Authors = first.Authors.Count > 0 ? first.Authors : next.Authors,
            Category = first.Category ?? next.Category,
            PublishedAt = first.PublishedAt ?? next.PublishedAt,
            UpdatedAt = first.UpdatedAt ?? next.UpdatedAt,
        };

    private sealed class SectionBuilder(string? heading, List<string> imageCredits)
    {
        public List<string> Paragraphs { get; } = [];
        public List<string> ImageCredits { get; } = imageCredits;

        /// <summary>Adds the section unless it is a lead with nothing in it (an article that opens with a heading).</summary>
        public void AddTo(List<SectionDraft> sections)
        {
            if (heading is not null || Paragraphs.Count > 0 || ImageCredits.Count > 0)
            {
                sections.Add(new SectionDraft(heading, Paragraphs, ImageCredits));
            }
        }
    }

    private sealed class Header
    {
        public string? Title { get; set; }
        public string? Subtitle { get; set; }
        public Byline? Byline { get; set; }
        public List<string> Summary { get; } = [];
        public List<string> LeadCredits { get; } = [];
    }
}
