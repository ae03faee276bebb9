using System.Buffers;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Text and link lengths, and commas, of the <see cref="PageNode"/> tree: measured bottom-up once, then kept true as nodes are
/// removed (a removal subtracts from the ancestors), so every link density the finder asks for is a division.
/// </summary>
internal static class PageMeasure
{
    /// <summary>Links within the page count for less: they are tables of contents and footnotes as often as furniture.</summary>
    private const double InPageLinkWeight = 0.3;

    /// <summary>Measures every node under <paramref name="root"/> that is not removed.</summary>
    public static void Measure(PageNode root)
    {
        var order = new List<PageNode>();
        var stack = new Stack<PageNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            order.Add(node);
            foreach (var child in node.Children)
            {
                if (!child.Removed)
                {
                    stack.Push(child);
                }
            }
        }

        // Children come after their parents in the order; going backwards, every child is measured before its parent.
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node.IsText)
            {
                node.TextLength = CollapsedLength(node.Text!);
                node.LinkLength = 0;
                node.Commas = CommasIn(node.Text!);
                continue;
            }

            var text = 0;
            double links = 0;
            var commas = 0;
            foreach (var child in node.Children)
            {
                if (!child.Removed)
                {
                    text += child.TextLength;
                    links += child.LinkLength;
                    commas += child.Commas;
                }
            }

            node.TextLength = text;
            node.Commas = commas;
            node.LinkLength = node.Tag == "a" ? text * LinkWeight(node) : links;
        }
    }

    /// <summary>Removes <paramref name="node"/> from the content and its lengths from every ancestor, as measuring again would.</summary>
    public static void Remove(PageNode node)
    {
        if (node.Removed)
        {
            return;
        }

        node.Removed = true;
        // A link's length is its text's, weighed: above a link, its ancestors lose what the link lost, not what the node had.
        var linkLost = node.LinkLength;
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            ancestor.TextLength -= node.TextLength;
            ancestor.Commas -= node.Commas;
            var links = ancestor.Tag == "a" ? ancestor.TextLength * LinkWeight(ancestor) : ancestor.LinkLength - linkLost;
            linkLost = ancestor.LinkLength - links;
            ancestor.LinkLength = links;
        }
    }

    /// <summary>The link density of a node not yet measured (shaping the tree happens before measuring).</summary>
    public static double LinkDensityOf(PageNode node)
    {
        double text = 0, links = 0;
        foreach (var descendant in node.Descendants())
        {
            if (descendant.IsText)
            {
                var length = CollapsedLength(descendant.Text!);
                text += length;
                if (descendant.Ancestors().TakeWhile(a => a != node).FirstOrDefault(a => a.Tag == "a") is { } link)
                {
                    links += length * LinkWeight(link);
                }
            }
        }

        return text == 0 ? 0 : links / text;
    }

    /// <summary>Commas of every script: Latin, Arabic, the ideographic and full-width ones, and the small and vertical forms.</summary>
    private static readonly SearchValues<char> CommaMarks = SearchValues.Create(",\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001");

    private static int CommasIn(string text)
    {
        var commas = 0;
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(CommaMarks); at >= 0; at = rest.IndexOfAny(CommaMarks))
        {
            commas++;
            rest = rest[(at + 1)..];
        }

        return commas;
    }

    /// <summary>The length of a text with every run of white space counted as one character.</summary>
    public static int CollapsedLength(string text)
    {
        var length = 0;
        var inSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    length++;
                }

                inSpace = true;
            }
            else
            {
                length++;
                inSpace = false;
            }
        }

        return length;
    }

    private static double LinkWeight(PageNode link) =>
        link.Attributes.Href is { Length: > 1 } href && href[0] == '#' ? InPageLinkWeight : 1;
}
