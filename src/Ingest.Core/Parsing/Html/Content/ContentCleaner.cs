namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Cleans the content a <see cref="ContentFinder"/> chose: forms, embeds, asides, footers and controls go; small share
/// bars go; headings whose names say furniture go; and tables, lists and <c>div</c>s that look like furniture by their
/// make-up (more list items or images than paragraphs, many links, inputs, embeds, almost no text) go unless they are
/// data tables or sit inside one. Inner blocks are judged before the blocks around them.
/// </summary>
internal static class ContentCleaner
{
    private const int ShareBarMaxLength = 500;

    private static readonly string[] AlwaysRemoved = ["object", "embed", "footer", "link", "aside", "iframe", "input", "textarea", "select", "button", "nav"];

    public static void Clean(IReadOnlyList<PageNode> content, ContentRules rules)
    {
        var elements = ContentElement.AllOf(content);
        var dataTables = new HashSet<PageNode>();
        foreach (var table in Each(elements, "table"))
        {
            if (DataTables.IsDataTable(table))
            {
                dataTables.Add(table);
            }
        }

        var conditionally = rules.HasFlag(ContentRules.CleanConditionally);
        if (conditionally)
        {
            CleanConditionally(elements, "form", rules, dataTables);
            CleanConditionally(elements, "fieldset", rules, dataTables);
        }

        foreach (var node in Each(elements, AlwaysRemoved))
        {
            PageMeasure.Remove(node);
        }

        var shareBars = elements
            .Where(e => e.Node != e.Top && e.IsInContent && ContentHints.IsShare(e.Node) && e.Node.TextLength < ShareBarMaxLength)
            .Select(e => e.Node)
            .ToList();
        foreach (var node in shareBars)
        {
            PageMeasure.Remove(node);
        }

        foreach (var heading in Each(elements, "h1", "h2"))
        {
            if (rules.HasFlag(ContentRules.WeighClasses) && ContentHints.Weight(heading) < 0)
            {
                PageMeasure.Remove(heading);
            }
        }

        if (conditionally)
        {
            CleanConditionally(elements, "table", rules, dataTables);
            CleanConditionally(elements, "ul", rules, dataTables);
            CleanConditionally(elements, "div", rules, dataTables);
        }
    }

    /// <summary>
    /// Every element with one of the tags still in the content, the content's own top nodes included, in document order: what a
    /// walk of the content would find now, taken from the one walk made before cleaning began.
    /// </summary>
    private static List<PageNode> Each(List<ContentElement> elements, params string[] tags)
    {
        var found = new List<PageNode>();
        foreach (var element in elements)
        {
            if (tags.Contains(element.Node.Tag) && element.IsInContent)
            {
                found.Add(element.Node);
            }
        }

        return found;
    }

    /// <summary>
    /// An element of the content and the top node it is under. Cleaning only removes, so the elements a walk would find at any
    /// step are among those found before the first: the ones not removed themselves, nor below a removed node under their top.
    /// </summary>
    private readonly record struct ContentElement(PageNode Node, PageNode Top)
    {
        /// <summary>The content's elements in document order (a removed top's nodes are walked, as <see cref="PageNode.Descendants"/> walks them).</summary>
        public static List<ContentElement> AllOf(IReadOnlyList<PageNode> content)
        {
            var elements = new List<ContentElement>();
            foreach (var top in content)
            {
                elements.Add(new ContentElement(top, top));
                foreach (var node in top.Descendants())
                {
                    if (!node.IsText)
                    {
                        elements.Add(new ContentElement(node, top));
                    }
                }
            }

            return elements;
        }

        /// <summary>Whether a walk of the content would find the element now.</summary>
        public bool IsInContent
        {
            get
            {
                if (Node == Top)
                {
                    return !Top.Removed;
                }

                for (var node = Node; node != Top; node = node.Parent!)
                {
                    if (node.Removed)
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    /// <summary>
    /// Judges every <paramref name="tag"/> of the content, innermost first (in reverse document order), so that a block is
    /// judged with what is left inside it. A block's census is kept once made: every block inside a later one was judged
    /// before it, so the later one's census adds the kept census instead of walking that block again.
    /// </summary>
    private static void CleanConditionally(List<ContentElement> elements, string tag, ContentRules rules, HashSet<PageNode> dataTables)
    {
        var nodes = Each(elements, tag);
        var censuses = new Dictionary<PageNode, Census>();
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            if (!node.Removed && !HasRemovedAncestor(node) && LooksLikeFurniture(node, tag, rules, dataTables, censuses))
            {
                PageMeasure.Remove(node);
            }
        }
    }

    private static bool HasRemovedAncestor(PageNode node)
    {
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor.Removed)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAncestorIn(PageNode node, HashSet<PageNode> set)
    {
        if (set.Count == 0)
        {
            return false;
        }

        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (set.Contains(ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeFurniture(PageNode node, string tag, ContentRules rules, HashSet<PageNode> dataTables, Dictionary<PageNode, Census> censuses)
    {
        if (tag == "table" && dataTables.Contains(node))
        {
            return false;
        }

        if (HasAncestorIn(node, dataTables) || node.HasAncestor("code", 4))
        {
            return false;
        }

        var weight = rules.HasFlag(ContentRules.WeighClasses) ? ContentHints.Weight(node) : 0;
        if (weight < 0)
        {
            return true;
        }

        var census = Census.Of(node, censuses);
        censuses[node] = census;
        if (census.Commas >= 10)
        {
            return false;
        }

        var isList = tag is "ul" or "ol" || (node.TextLength > 0 && (double)census.ListTextLength / node.TextLength > 0.9);
        var inFigure = node.HasAncestor("figure");
        var length = node.TextLength;
        var paragraphs = census.Paragraphs;
        var images = census.Images;
        var remove =
            (images > 1 && (double)paragraphs / images < 0.5 && !inFigure)
            || (!isList && census.ListItems - 100 > paragraphs)
            || census.Inputs > Math.Floor(paragraphs / 3.0)
            || (!isList && census.HeadingDensity(length) < 0.9 && length < 25 && (images == 0 || images > 2) && !inFigure)
            || (!isList && weight < ContentHints.ClassWeight && node.LinkDensity > 0.2)
            || (weight >= ContentHints.ClassWeight && node.LinkDensity > 0.5)
            || (census.Embeds == 1 && length < 75)
            || census.Embeds > 1;

        // A list of images (each item one picture) is a gallery, and stays.
        if (remove && isList && node.ElementChildren.All(c => c.ElementChildren.Count() <= 1) && images == census.ListItems && images > 0)
        {
            return false;
        }

        return remove;
    }

    /// <summary>What a block holds, counted in one walk.</summary>
    private sealed class Census
    {
        public int Paragraphs { get; private set; }
        public int Images { get; private set; }
        public int ListItems { get; private set; }
        public int Inputs { get; private set; }
        public int Embeds { get; private set; }
        public int Commas { get; private set; }
        public int ListTextLength { get; private set; }
        public int HeadingTextLength { get; private set; }

        public double HeadingDensity(int length) => length == 0 ? 0 : (double)HeadingTextLength / length;

        /// <summary>
        /// What <paramref name="node"/> holds, not counting what was removed; a block with a census in <paramref name="known"/>
        /// (judged before, and nothing inside it removed since) adds that census instead of being walked again.
        /// </summary>
        public static Census Of(PageNode node, IReadOnlyDictionary<PageNode, Census> known)
        {
            var census = new Census();
            var pending = TreeScratch.RentStack();
            PushChildren(pending, node);
            while (pending.TryPop(out var d))
            {
                if (d.Removed)
                {
                    continue;
                }

                if (d.IsText)
                {
                    census.Commas += d.Text.AsSpan().Count(',');
                    continue;
                }

                census.Count(d);
                if (known.TryGetValue(d, out var inner))
                {
                    census.Add(inner);
                    continue;
                }

                PushChildren(pending, d);
            }

            TreeScratch.Return(pending);
            return census;
        }

        private static void PushChildren(Stack<PageNode> pending, PageNode node)
        {
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                pending.Push(node.Children[i]);
            }
        }

        /// <summary>What an element counts for by its own tag.</summary>
        private void Count(PageNode element)
        {
            switch (element.Tag)
            {
                case "p":
                    Paragraphs++;
                    break;
                case "img":
                    Images++;
                    break;
                case "li":
                    ListItems++;
                    break;
                case "input":
                    Inputs++;
                    break;
                case "object" or "embed" or "iframe":
                    Embeds++;
                    break;
                case "ul" or "ol":
                    ListTextLength += element.TextLength;
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    HeadingTextLength += element.TextLength;
                    break;
            }
        }

        private void Add(Census inner)
        {
            Paragraphs += inner.Paragraphs;
            Images += inner.Images;
            ListItems += inner.ListItems;
            Inputs += inner.Inputs;
            Embeds += inner.Embeds;
            Commas += inner.Commas;
            ListTextLength += inner.ListTextLength;
            HeadingTextLength += inner.HeadingTextLength;
        }
    }
}
