using System.Text;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Reads the chosen content as blocks in document order: headings, paragraphs, list items and captions, each the
/// text of the block-level element it stands in (inline markup is read through; a block inside a block ends one
/// block and starts the next). A table's cells are read across, row by row.
/// </summary>
internal static class ContentBlocks
{
    private static readonly HashSet<string> BlockLevel = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "details", "dialog", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "menu", "legend", "noscript", "html",
    };

    /// <summary>What a piece of text is, by the innermost block that says.</summary>
    public enum Kind
    {
        Paragraph,
        Heading,
        ListItem,
        Caption,
    }

    public readonly record struct Block(Kind Kind, string Text);

    public static List<Block> Read(IEnumerable<PageNode> content)
    {
        var blocks = new List<Block>();
        var text = new StringBuilder();
        var kinds = new Stack<Kind>();
        kinds.Push(Kind.Paragraph);
        var stack = new Stack<(PageNode Node, bool Exit)>();
        foreach (var top in content.Reverse())
        {
            stack.Push((top, false));
        }

        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                Flush(blocks, text, kinds.Peek());
                kinds.Pop();
                continue;
            }

            if (node.Removed)
            {
                continue;
            }

            if (node.IsText)
            {
                text.Append(node.Text);
                continue;
            }

            if (node.Tag is "br" or "td" or "th" or "mi" or "mn" or "mo" or "mtext" or "ms")
            {
                text.Append(' ');
            }

            if (BlockLevel.Contains(node.Tag))
            {
                Flush(blocks, text, kinds.Peek());
                kinds.Push(KindOf(node.Tag) ?? kinds.Peek());
                stack.Push((node, true));
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], false));
            }
        }

        Flush(blocks, text, Kind.Paragraph);
        return blocks;
    }

    private static Kind? KindOf(string tag) => tag switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => Kind.Heading,
        "li" or "dt" or "dd" => Kind.ListItem,
        "figcaption" or "caption" => Kind.Caption,
        _ => null,
    };

    private static void Flush(List<Block> blocks, StringBuilder text, Kind kind)
    {
        if (text.Length == 0)
        {
            return;
        }

        var folded = LineClassifier.Fold(TextNormaliser.Normalise(text.ToString()));
        text.Clear();
        if (folded.Length > 0)
        {
            blocks.Add(new Block(kind, folded));
        }
    }
}
