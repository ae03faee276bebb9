using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        // Children come after their parents in the walk's order; going backwards, every child is measured before its parent.
        var order = TreeScratch.RentStack();
        var stack = TreeScratch.RentStack();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            order.Push(node);
            foreach (var child in node.Children)
            {
                if (!child.Removed)
                {
                    stack.Push(child);
                }
            }
        }

        TreeScratch.Return(stack);
        while (order.TryPop(out var node))
        {
            if (node.IsText)
            {
                MeasureText(node);
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

        TreeScratch.Return(order);
    }

    /// <summary>
    /// Measures a text node, once: its lengths and commas never change (a removal changes its ancestors'), so a later pass,
    /// and shaping before the first, keep what was measured.
    /// </summary>
    private static void MeasureText(PageNode text)
    {
        if (text.Measured)
        {
            return;
        }

        text.TextLength = CollapsedLength(text.Text!);
        text.LinkLength = 0;
        text.Commas = CommasIn(text.Text!);
        text.Measured = true;
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
                MeasureText(descendant);
                var length = descendant.TextLength;
                text += length;
                if (LinkAround(descendant, node) is { } link)
                {
                    links += length * LinkWeight(link);
                }
            }
        }

        return text == 0 ? 0 : links / text;
    }

    /// <summary>The nearest link above <paramref name="text"/> and below <paramref name="top"/>, if any.</summary>
    private static PageNode? LinkAround(PageNode text, PageNode top)
    {
        for (var ancestor = text.Parent; ancestor is not null && ancestor != top; ancestor = ancestor.Parent)
        {
            if (ancestor.Tag == "a")
            {
                return ancestor;
            }
        }

        return null;
    }

    /// <summary>Commas of every script: Latin, Arabic, the ideographic and full-width ones, and the small and vertical forms.</summary>
    private static readonly SearchValues<char> CommaMarks = SearchValues.Create(",\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001");

    private static int CommasIn(string text) => text.AsSpan().CountAny(CommaMarks);

    /// <summary>The length of a text with every run of white space counted as one character.</summary>
    /// <remarks>
    /// The text's length less one for every white-space character that follows another, told eight characters at a time
    /// where they are ASCII (a page's text nearly always is); eight with any other character among them are told one by one.
    /// </remarks>
    public static int CollapsedLength(string text)
    {
        var span = text.AsSpan();
        var repeats = 0;
        var at = 1;
        if (Vector128.IsHardwareAccelerated && span.Length > Vector128<ushort>.Count)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            var notAscii = Vector128.Create((ushort)0xFF80);
            for (; at <= span.Length - Vector128<ushort>.Count; at += Vector128<ushort>.Count)
            {
                var here = Vector128.LoadUnsafe(ref first, (nuint)at);
                var before = Vector128.LoadUnsafe(ref first, (nuint)(at - 1));
                if (((here | before) & notAscii) == Vector128<ushort>.Zero)
                {
                    repeats += BitOperations.PopCount((AsciiWhiteSpace(here) & AsciiWhiteSpace(before)).ExtractMostSignificantBits());
                    continue;
                }

                for (var i = at; i < at + Vector128<ushort>.Count; i++)
                {
                    repeats += FollowsWhiteSpace(span, i) ? 1 : 0;
                }
            }
        }

        for (; at < span.Length; at++)
        {
            repeats += FollowsWhiteSpace(span, at) ? 1 : 0;
        }

        return span.Length - repeats;
    }

    /// <summary>Whether the character at <paramref name="at"/> (at least 1) is white space after white space.</summary>
    private static bool FollowsWhiteSpace(ReadOnlySpan<char> text, int at) => char.IsWhiteSpace(text[at]) && char.IsWhiteSpace(text[at - 1]);

    /// <summary>All bits set where an ASCII character is white space: the space, and tab to carriage return.</summary>
    private static Vector128<ushort> AsciiWhiteSpace(Vector128<ushort> characters) =>
        Vector128.Equals(characters, Vector128.Create((ushort)' '))
        | Vector128.LessThanOrEqual(characters - Vector128.Create((ushort)'\t'), Vector128.Create((ushort)('\r' - '\t')));

    private static double LinkWeight(PageNode link) =>
        link.Attributes.Href is { Length: > 1 } href && href[0] == '#' ? InPageLinkWeight : 1;
}
