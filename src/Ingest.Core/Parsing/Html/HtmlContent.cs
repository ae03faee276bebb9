using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ingest.Core.Parsing.Bylines;
using Ingest.Core.Parsing.Html.Content;
using Ingest.Core.Parsing.PlainText;
using Ingest.Core.Parsing.Sections;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// A page's main content as article blocks: <see cref="ContentFinder"/> chooses and cleans it, <see cref="ContentBlocks"/>
/// reads it in order, and each block is then told apart as the other formats tell theirs: headings open sections
/// (a heading that repeats the title is the title), list items are list items, caption credits are image credits, and
/// paragraphs that are furniture or a byline line are left out of the text.
/// </summary>
internal static partial class HtmlContent
{
    [GeneratedRegex(@"(?:^|[.;,]\s+|\(\s*)(?:Credits?|Photo(?:graph)?s?|Image|Picture|Illustration)\s*:\s*(?<credit>[^()]+?)\s*\)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditInCaption();

    /// <summary>The content's blocks in document order, and the byline found in the markup or the text.</summary>
    public static (List<ArticleBlock> Blocks, Byline? Byline) Read(IDocument document, string? title, int maxDepth)
    {
        var (content, bylineMarkup) = ContentFinder.Find(document, title, maxDepth);
        var byline = bylineMarkup is null ? null : BylineParser.TryParse(bylineMarkup) ?? NamesOnly(bylineMarkup);
        var blocks = new List<ArticleBlock>();
        foreach (var block in ContentBlocks.Read(content))
        {
            switch (block.Kind)
            {
                case ContentBlocks.Kind.Heading when title is not null && string.Equals(block.Text, title, StringComparison.OrdinalIgnoreCase):
                    break;
                case ContentBlocks.Kind.Heading:
                    blocks.Add(new ArticleBlock(BlockKind.Heading, block.Text));
                    break;
                case ContentBlocks.Kind.ListItem:
                    blocks.Add(new ArticleBlock(BlockKind.ListItem, block.Text));
                    break;
                case ContentBlocks.Kind.Caption:
                    AddCaption(blocks, block.Text);
                    break;
                default:
                    AddClassified(blocks, block.Text, ref byline);
                    break;
            }
        }

        return (blocks, byline);
    }

    /// <summary>A byline in the page's markup (<c>.byline</c>, <c>.author</c>, <c>.entry-meta</c>), for pages whose metadata names no author.</summary>
    public static Byline? FindBylineInMarkup(PageLandmarks landmarks, int maxDepth) =>
        landmarks.BylineMarkup
            .Select(e => BylineParser.TryParse(HtmlText.Of(e, maxDepth)))
            .FirstOrDefault(b => b is { Authors.Count: > 0 });

    /// <summary>Markup that marks a byline and holds nothing but a name ("Nicolas Perriault", "JOE HILDEBRAND") names the author.</summary>
    private static Byline? NamesOnly(string text) =>
        AuthorNames.TrySplit(LineClassifier.Fold(text)) is { } names ? new Byline(names, null, null, null) : null;

    private static void AddClassified(List<ArticleBlock> blocks, string text, ref Byline? byline)
    {
        var line = LineClassifier.Classify(text);
        switch (line.Kind)
        {
            case LineKind.Boilerplate:
                break;
            case LineKind.Byline:
                byline ??= line.Byline;
                break;
            case LineKind.Credit:
                blocks.Add(new ArticleBlock(BlockKind.Credit, line.Text));
                break;
            case LineKind.Bullet:
                blocks.Add(new ArticleBlock(BlockKind.ListItem, line.Text));
                break;
            default:
                blocks.Add(new ArticleBlock(BlockKind.Paragraph, line.Text));
                break;
        }
    }

    /// <summary>A caption's credit ("Credit: …", "… Photo: …") is an image credit; what it says of the picture is read as text.</summary>
    private static void AddCaption(List<ArticleBlock> blocks, string text)
    {
        var line = LineClassifier.Classify(text);
        if (line.Kind == LineKind.Credit)
        {
            blocks.Add(new ArticleBlock(BlockKind.Credit, line.Text));
            return;
        }

        var match = CreditInCaption().Match(text);
        if (match.Success)
        {
            blocks.Add(new ArticleBlock(BlockKind.Credit, match.Groups["credit"].Value.Trim()));
            // The description keeps its full stop: "The dome at dusk. Photo: …" → "The dome at dusk."
            text = text[..(text[match.Index] == '.' ? match.Index + 1 : match.Index)].Trim();
        }

        if (text.Length > 0)
        {
            blocks.Add(new ArticleBlock(BlockKind.Paragraph, text));
        }
    }
}
