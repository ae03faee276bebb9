using AngleSharp.Dom;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// One node of a page as the content finder sees it: an element (its tag, its class and id, its children) or a run of
/// text. The tree is built once from the parsed document (<see cref="PageTree"/>); the finder then marks nodes removed and
/// scores them instead of editing the document, and keeps each element's text and link lengths so that a link density
/// costs nothing to ask for.
/// </summary>
internal sealed class PageNode
{
    private PageNode(string tag, IElement? element, string? text, NodeAttributes? attributes = null, string hints = "", int childCapacity = 0)
    {
        Attributes = attributes ?? NodeAttributes.None;
        Hints = hints;
        Children = new List<PageNode>(childCapacity);
        Tag = tag;
        Element = element;
        Text = text;
    }

    /// <summary>"class id", trimmed; no new string for an element with neither (most) or only one.</summary>
    private static string HintsOf(string? className, string? id) =>
        (string.IsNullOrEmpty(className), string.IsNullOrEmpty(id)) switch
        {
            (true, true) => "",
            (false, true) => className!.Trim(),
            (true, false) => id!.Trim(),
            _ => $"{className} {id}".Trim(),
        };

    /// <summary>The lower-case tag name; <c>#text</c> for text. Retagging (a <c>div</c> that holds only a paragraph's content) changes it.</summary>
    public string Tag { get; set; }

    /// <summary>The element this node stands for; null for text and for paragraphs the tree made up.</summary>
    public IElement? Element { get; }

    /// <summary>The text of a text node, as written.</summary>
    public string? Text { get; }

    /// <summary>The element's attributes the tree and the finder read (none for text and made-up paragraphs).</summary>
    public NodeAttributes Attributes { get; }

    /// <summary>The element's class and id, the weak hints the finder reads.</summary>
    public string Hints { get; }

    public PageNode? Parent { get; private set; }

    /// <summary>The <c>div</c> this paragraph took the place of, if any: its name and role still say what the block is.</summary>
    public PageNode? Wrapper { get; private set; }

    public List<PageNode> Children { get; }

    public bool IsText => Text is not null;

    /// <summary>Left out of the content: never read, never counted.</summary>
    public bool Removed { get; set; }

    /// <summary>Characters of visible text below this node, white-space runs counted once.</summary>
    public int TextLength { get; set; }

    /// <summary>Characters of that text inside links (in-page <c>#</c> links weighing less).</summary>
    public double LinkLength { get; set; }

    /// <summary>Whether a text node's lengths and commas were measured (they stay true: a text is never edited).</summary>
    public bool Measured { get; set; }

    /// <summary>Commas (of every script) in that text.</summary>
    public int Commas { get; set; }

    /// <summary>The content score, once the node is a candidate; null before.</summary>
    public double? Score { get; set; }

    /// <summary>The weight of the element's class and id (<see cref="ContentHints.Weight"/>), once asked.</summary>
    public int? HintWeight { get; set; }

    public double LinkDensity => TextLength == 0 ? 0 : LinkLength / TextLength;

    /// <summary>A node for <paramref name="element"/>, with room for as many children as the element has (the tree reads most of them).</summary>
    public static PageNode ForElement(IElement element, string tag)
    {
        var attributes = NodeAttributes.Of(element, out var className, out var id);
        return ForElement(element, tag, attributes, className, id);
    }

    /// <summary>A node for <paramref name="element"/> whose attributes were read already (<see cref="NodeAttributes.Of"/>).</summary>
    public static PageNode ForElement(IElement element, string tag, NodeAttributes attributes, string? className, string? id) =>
        new(tag, element, null, attributes, HintsOf(className, id), element.ChildNodes.Length);

    public static PageNode ForText(string text) => new("#text", null, text);

    /// <summary>A paragraph the tree made up to hold loose inline content.</summary>
    public static PageNode Paragraph() => new("p", null, null);

    public string? Attribute(string name) => Element?.GetAttribute(name);

    public void Append(PageNode child)
    {
        child.Parent?.Children.Remove(child);
        child.Parent = this;
        Children.Add(child);
    }

    /// <summary>
    /// Appends <paramref name="child"/> without taking it out of its parent's children: only for a parent whose children are
    /// replaced right after (<see cref="ReplaceChildren"/>), so that moving a long run of children costs no search each.
    /// </summary>
    public void Adopt(PageNode child)
    {
        child.Parent = this;
        Children.Add(child);
    }

    /// <summary>Makes <paramref name="children"/> this node's children, in order, taking each out of another parent's.</summary>
    public void ReplaceChildren(IReadOnlyList<PageNode> children)
    {
        foreach (var child in children)
        {
            if (child.Parent is { } parent && parent != this)
            {
                parent.Children.Remove(child);
            }

            child.Parent = this;
        }

        Children.Clear();
        Children.AddRange(children);
    }

    /// <summary>
    /// Keeps the first <paramref name="count"/> of this node's children, each made its child: for a reshaping that writes
    /// over the list in place, only ever putting a child, or a new node holding children it took, at or before where it read.
    /// </summary>
    public void KeepFirstChildren(int count)
    {
        Children.RemoveRange(count, Children.Count - count);
        foreach (var child in Children)
        {
            child.Parent = this;
        }
    }

    /// <summary>Puts <paramref name="replacement"/> where this node stands in its parent; the replacement remembers this node as its wrapper.</summary>
    public void ReplaceWith(PageNode replacement)
    {
        replacement.Wrapper = this;
        var parent = Parent!;
        replacement.Parent?.Children.Remove(replacement);
        parent.Children[parent.Children.IndexOf(this)] = replacement;
        replacement.Parent = parent;
        Parent = null;
    }

    public IEnumerable<PageNode> ElementChildren => Children.Where(c => !c.IsText && !c.Removed);

    /// <summary>Ancestors from the parent up, at most <paramref name="max"/> of them.</summary>
    public IEnumerable<PageNode> Ancestors(int max = int.MaxValue)
    {
        var node = Parent;
        for (var i = 0; node is not null && i < max; i++, node = node.Parent)
        {
            yield return node;
        }
    }

    public bool HasAncestor(string tag, int maxDepth = int.MaxValue)
    {
        var node = Parent;
        for (var i = 0; node is not null && i < maxDepth; i++, node = node.Parent)
        {
            if (node.Tag == tag)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// This node's descendants that are not removed, in document order (an explicit stack: nesting costs no call stack).
    /// A node the caller removes when it is handed over is not walked into.
    /// </summary>
    public IEnumerable<PageNode> Descendants()
    {
        var stack = TreeScratch.RentStack();
        try
        {
            for (var i = Children.Count - 1; i >= 0; i--)
            {
                stack.Push(Children[i]);
            }

            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node.Removed)
                {
                    continue;
                }

                yield return node;
                if (node.Removed)
                {
                    continue;
                }

                for (var i = node.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(node.Children[i]);
                }
            }
        }
        finally
        {
            TreeScratch.Return(stack);
        }
    }

    public override string ToString() => IsText ? $"\"{Text}\"" : $"<{Tag} {Hints}>";
}
