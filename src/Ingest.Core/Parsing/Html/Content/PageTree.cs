using AngleSharp.Dom;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Builds the <see cref="PageNode"/> tree of a document's body, once, and shapes it the way content finders read pages:
/// what the reader cannot see is left out (scripts, styles, hidden elements, modal dialogs), runs of two or more
/// <c>br</c> start paragraphs, loose inline content in a <c>div</c> becomes a paragraph, a <c>div</c> that holds only
/// inline content is a paragraph, and empty containers go. Every walk uses an explicit stack; nothing deeper than the
/// nesting limit is read.
/// </summary>
internal static class PageTree
{
    private static readonly HashSet<string> Unread = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "link", "meta", "head", "title", "base", "source", "track", "map", "area", "frameset",
    };

    /// <summary>Embedded things: counted (a block of embeds is not prose) but not read into.</summary>
    private static readonly HashSet<string> Opaque = new(StringComparer.Ordinal)
    {
        "svg", "object", "embed", "canvas", "audio", "video", "iframe", "frame",
    };

    /// <summary>Inline (phrasing) elements: they sit inside a paragraph, never between paragraphs.</summary>
    private static readonly HashSet<string> Phrasing = new(StringComparer.Ordinal)
    {
        "abbr", "audio", "b", "bdi", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "font", "i", "img",
        "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "rt", "rp", "s", "samp",
        "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "u", "var", "wbr", "strike", "tt", "big", "nobr",
    };

    /// <summary>Elements that make a <c>div</c> more than a paragraph when found anywhere inside it.</summary>
    private static readonly HashSet<string> BlockInsideDiv = new(StringComparer.Ordinal)
    {
        "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    private static readonly HashSet<string> DroppedWhenEmpty = new(StringComparer.Ordinal)
    {
        "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    /// <summary>The body (under a root standing for <c>html</c>, so that the body can be a candidate as any element can).</summary>
    public static PageNode Build(IDocument document, int maxDepth)
    {
        var html = PageNode.ForElement(document.DocumentElement, "html");
        var body = document.Body ?? document.DocumentElement;
        var root = PageNode.ForElement(body, "body");
        html.Append(root);
        var elements = TreeScratch.RentList();
        elements.Add(root);
        var stack = new Stack<(INode Source, PageNode Parent, int Depth)>(256);
        PushChildren(stack, body, root, 1);
        while (stack.Count > 0)
        {
            var (source, parent, depth) = stack.Pop();
            // Told apart by node type first: a cast to an interface an element does not implement searches all it does.
            var nodeType = source.NodeType;
            if (nodeType == NodeType.Text)
            {
                var data = ((ICharacterData)source).Data;
                if (data.Length > 0)
                {
                    parent.Append(PageNode.ForText(data));
                }

                continue;
            }

            if (nodeType != NodeType.Element)
            {
                continue;
            }

            switch (source)
            {
                case IElement element when depth <= maxDepth:
                    var attributes = NodeAttributes.Of(element, out var className, out var id);
                    if (!IsRead(element.LocalName, attributes))
                    {
                        break;
                    }

                    var tag = element.LocalName == "font" ? "span" : element.LocalName;
                    var node = PageNode.ForElement(element, tag, attributes, className, id);
                    parent.Append(node);
                    elements.Add(node);
                    if (!Opaque.Contains(tag))
                    {
                        PushChildren(stack, element, node, depth + 1);
                    }

                    break;
                case IElement element when depth > maxDepth:
                    // Past the nesting limit the structure is not read, but its words are.
                    parent.Append(PageNode.ForText(element.TextContent));
                    break;
            }
        }

        foreach (var element in elements)
        {
            ParagraphsAfterBreaks(element);
        }

        TreeScratch.Return(elements);

        ShapeBlocks(root);
        return root;
    }

    public static bool IsPhrasing(PageNode node)
    {
        if (node.IsText)
        {
            return true;
        }

        if (Phrasing.Contains(node.Tag))
        {
            return true;
        }

        return node.Tag is "a" or "del" or "ins" && node.Descendants().All(d => d.IsText || Phrasing.Contains(d.Tag) || d.Tag is "a" or "del" or "ins");
    }

    public static bool IsWhiteSpace(PageNode node) => (node.IsText && string.IsNullOrWhiteSpace(node.Text)) || node.Tag == "br";

    /// <summary>What a reader cannot see: hidden by attribute or inline style, or a modal dialog.</summary>
    private static bool IsRead(string localName, NodeAttributes attributes)
    {
        if (Unread.Contains(localName) || attributes.Hidden)
        {
            return false;
        }

        if (attributes.AriaHidden == "true" || (attributes.AriaModal == "true" && attributes.Role == "dialog"))
        {
            return false;
        }

        var style = attributes.Style;
        return style is null || !(Squeeze(style).Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || Squeeze(style).Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
    }

    private static string Squeeze(string style) => style.Replace(" ", "", StringComparison.Ordinal);

    private static void PushChildren(Stack<(INode, PageNode, int)> stack, INode source, PageNode parent, int depth)
    {
        var children = source.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], parent, depth));
        }
    }

    /// <summary>
    /// Two or more <c>br</c> in a row (white space between them aside) end a paragraph: the inline content after them
    /// becomes a paragraph of its own, up to the next such run or the next block.
    /// </summary>
    private static void ParagraphsAfterBreaks(PageNode element)
    {
        var children = element.Children;
        if (!children.Any(c => c.Tag == "br"))
        {
            return;
        }

        var shaped = new List<PageNode>(children.Count);
        var split = false;
        for (var i = 0; i < children.Count;)
        {
            if (!IsBreakRun(children, i))
            {
                shaped.Add(children[i++]);
                continue;
            }

            split = true;
            i = SkipBreakRun(children, i);
            var paragraph = PageNode.Paragraph();
            var collected = new List<PageNode>();
            while (i < children.Count && !IsBreakRun(children, i) && IsPhrasing(children[i]))
            {
                collected.Add(children[i++]);
            }

            while (collected.Count > 0 && IsWhiteSpace(collected[^1]))
            {
                collected.RemoveAt(collected.Count - 1);
            }

            foreach (var child in collected)
            {
                paragraph.Adopt(child);
            }

            shaped.Add(paragraph);
        }

        if (!split)
        {
            return;
        }

        Rechild(element, shaped);
        if (element.Tag == "p")
        {
            element.Tag = "div"; // A paragraph cannot hold paragraphs.
        }
    }

    private static bool IsBreakRun(List<PageNode> children, int i)
    {
        if (children[i].Tag != "br")
        {
            return false;
        }

        var next = NextNonBlank(children, i + 1);
        return next < children.Count && children[next].Tag == "br";
    }

    private static int SkipBreakRun(List<PageNode> children, int i)
    {
        while (i < children.Count && IsWhiteSpace(children[i]))
        {
            i++;
        }

        return i;
    }

    private static int NextNonBlank(List<PageNode> children, int i)
    {
        while (i < children.Count && children[i].IsText && string.IsNullOrWhiteSpace(children[i].Text))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Gives <paramref name="element"/> its reshaped <paramref name="children"/>: a child it no longer holds is removed, unless
    /// it went into one of the new paragraphs (<see cref="PageNode.Adopt"/>, which leaves it on the old list).
    /// </summary>
    private static void Rechild(PageNode element, List<PageNode> children)
    {
        var kept = children.Count > 8 ? children.ToHashSet() : null;
        foreach (var child in element.Children)
        {
            if (child.Parent == element && !(kept?.Contains(child) ?? children.Contains(child)))
            {
                child.Removed = true;
            }
        }

        element.ReplaceChildren(children);
    }

    /// <summary>
    /// Top-down: empty containers are dropped; a <c>div</c>'s loose inline content is put in paragraphs; a <c>div</c>
    /// around one paragraph (and few links) gives way to the paragraph; a <c>div</c> with nothing block-level inside is a paragraph.
    /// </summary>
    private static void ShapeBlocks(PageNode root)
    {
        var stack = TreeScratch.RentStack();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.IsText || node.Removed)
            {
                continue;
            }

            if (DroppedWhenEmpty.Contains(node.Tag) && IsWithoutContent(node))
            {
                node.Removed = true;
                continue;
            }

            if (node.Tag == "div")
            {
                WrapInlineRuns(node);
                if (SingleParagraph(node) is { } paragraph && PageMeasure.LinkDensityOf(node) < 0.25)
                {
                    node.ReplaceWith(paragraph);
                    node = paragraph;
                }
                else if (!HasBlockInside(node))
                {
                    node.Tag = "p";
                }
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }

        TreeScratch.Return(stack);
    }

    private static void WrapInlineRuns(PageNode div)
    {
        var children = div.Children;
        if (children.All(IsPhrasing) && children.Count > 0 && !HasBlockInside(div))
        {
            return; // Becomes a paragraph as a whole.
        }

        // Reshaped in place: each run of inline content becomes one paragraph where the run began, so a child is written
        // over only after it was read.
        var kept = 0;
        PageNode? paragraph = null;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (IsPhrasing(child))
            {
                if (paragraph is not null)
                {
                    paragraph.Adopt(child);
                }
                else if (!IsWhiteSpace(child))
                {
                    paragraph = PageNode.Paragraph();
                    paragraph.Adopt(child);
                    children[kept++] = paragraph;
                }
                else
                {
                    children[kept++] = child;
                }
            }
            else
            {
                TrimTrailingWhiteSpace(paragraph);
                paragraph = null;
                children[kept++] = child;
            }
        }

        TrimTrailingWhiteSpace(paragraph);
        div.KeepFirstChildren(kept);
    }

    private static void TrimTrailingWhiteSpace(PageNode? paragraph)
    {
        while (paragraph is { Children: [.., var last] } && IsWhiteSpace(last))
        {
            paragraph.Children.RemoveAt(paragraph.Children.Count - 1);
        }
    }

    private static PageNode? SingleParagraph(PageNode div)
    {
        PageNode? only = null;
        foreach (var child in div.Children)
        {
            if (child.Removed)
            {
                continue;
            }

            if (child.IsText)
            {
                if (!string.IsNullOrWhiteSpace(child.Text))
                {
                    return null;
                }
            }
            else if (only is null && child.Tag == "p")
            {
                only = child;
            }
            else
            {
                return null;
            }
        }

        return only;
    }

    private static bool HasBlockInside(PageNode node) => node.Descendants().Any(d => !d.IsText && BlockInsideDiv.Contains(d.Tag));

    /// <summary>No text, and no element but line breaks and rules.</summary>
    private static bool IsWithoutContent(PageNode node) =>
        node.Descendants().All(d => d.IsText ? string.IsNullOrWhiteSpace(d.Text) : d.Tag is "br" or "hr");
}
