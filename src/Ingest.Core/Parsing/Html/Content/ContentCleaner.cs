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
        var dataTables = new HashSet<PageNode>();
        foreach (var table in Each(content, "table"))
        {
            if (DataTables.IsDataTable(table))
            {
                dataTables.Add(table);
            }
        }

        var conditionally = rules.HasFlag(ContentRules.CleanConditionally);
        if (conditionally)
        {
            CleanConditionally(content, "form", rules, dataTables);
            CleanConditionally(content, "fieldset", rules, dataTables);
        }

        foreach (var node in Each(content, AlwaysRemoved))
        {
            PageMeasure.Remove(node);
        }

        foreach (var top in content)
        {
            foreach (var node in top.Descendants().Where(d => !d.IsText && ContentHints.IsShare(d) && d.TextLength < ShareBarMaxLength).ToList())
            {
                PageMeasure.Remove(node);
            }
        }

        foreach (var heading in Each(content, "h1", "h2"))
        {
            if (rules.HasFlag(ContentRules.WeighClasses) && ContentHints.Weight(heading) < 0)
            {
                PageMeasure.Remove(heading);
            }
        }

        if (conditionally)
        {
            CleanConditionally(content, "table", rules, dataTables);
            CleanConditionally(content, "ul", rules, dataTables);
            CleanConditionally(content, "div", rules, dataTables);
        }
    }

    /// <summary>Every node with one of the tags in the content, the content's own top nodes included, in document order.</summary>
    private static List<PageNode> Each(IReadOnlyList<PageNode> content, params string[] tags)
    {
        var found = new List<PageNode>();
        foreach (var top in content)
        {
            if (!top.Removed && tags.Contains(top.Tag))
            {
                found.Add(top);
            }

            found.AddRange(top.DescendantElements(tags));
        }

        return found;
    }

    /// <summary>
    /// Judges every <paramref name="tag"/> of the content, innermost first (in reverse document order), so that a block is
    /// judged with what is left inside it. A block's census is kept once made: every block inside a later one was judged
    /// before it, so the later one's census adds the kept census instead of walking that block again.
    /// </summary>
    private static void CleanConditionally(IReadOnlyList<PageNode> content, string tag, ContentRules rules, HashSet<PageNode> dataTables)
    {
        var nodes = Each(content, tag);
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
            var pending = WalkStacks.Rent();
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

            WalkStacks.Return(pending);
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
