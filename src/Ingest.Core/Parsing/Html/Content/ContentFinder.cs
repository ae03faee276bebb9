using AngleSharp.Dom;
using Ingest.Core.Parsing.Titles;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Finds the main content of a page by scoring, as the strong readers do. Every paragraph-like block of 25 characters
/// or more scores by its length and its commas (every script's comma); the score flows to its parent in full, its
/// grandparent by half, and further ancestors by less. Candidates are weighed by their class and id hints and scaled
/// down by their link density. The best candidate grows to an ancestor when the ancestor holds several near-best
/// candidates or scores higher itself, then takes in the siblings that score well or read as prose. The result is
/// cleaned (<see cref="ContentCleaner"/>). A pass that yields too little text is run again with fewer rules: first
/// without dropping furniture by name, then without class weights, then without cleaning; the longest result wins.
/// </summary>
internal static class ContentFinder
{
    /// <summary>Blocks shorter than this are not scored.</summary>
    private const int MinScoredLength = 25;

    /// <summary>Less text than this, and the next, looser pass is tried.</summary>
    private const int EnoughText = 500;

    /// <summary>A pass whose content holds less of the page's prose than this is doubted, and the looser passes tried.</summary>
    private const double FairShareOfProse = 0.3;

    /// <summary>How much more prose a looser pass must find to be taken over a stricter one.</summary>
    private const double MuchMoreProse = 1.5;

    private const int TopCandidates = 5;

    /// <summary>Ancestors a block's score reaches.</summary>
    private const int ScoredAncestors = 5;

    private static readonly HashSet<string> ScoredTags = new(StringComparer.Ordinal) { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre" };

    private static readonly ContentRules[] Passes =
    [
        ContentRules.All,
        ContentRules.All & ~ContentRules.DropFurniture,
        ContentRules.CleanConditionally,
        ContentRules.None,
    ];

    /// <summary>
    /// The content nodes, in document order; the byline the markup marks, if any. A pass is taken when it finds enough
    /// text and a fair share of the page's prose; otherwise the looser passes are tried, and a looser pass wins only with much
    /// more prose (a strict pass can lose the article to a class name such as <c>site_header</c> and keep a footer instead).
    /// </summary>
    public static (IReadOnlyList<PageNode> Content, string? Byline) Find(IDocument document, string? title, int maxDepth)
    {
        (IReadOnlyList<PageNode> Content, int Prose, string? Byline, RemovalMarks? Marks) best = ([], -1, null, null);
        var pageProse = -1;
        var root = PageTree.Build(document, maxDepth);
        var shaped = RemovalMarks.Of(root);
        foreach (var rules in Passes)
        {
            if (pageProse >= 0)
            {
                // A later pass: the tree as shaping left it, before the last pass removed anything or scored it.
                shaped.Restore();
            }

            PageMeasure.Measure(root);
            if (pageProse < 0)
            {
                pageProse = ProseLength([root]);
            }

            var byline = DropBylineAndTitle(root, title, rules);
            var content = Select(root, rules);
            ContentCleaner.Clean(content, rules);
            var length = content.Where(n => !n.Removed).Sum(n => n.TextLength);
            var prose = ProseLength(content);
            if (length >= EnoughText && prose >= pageProse * FairShareOfProse)
            {
                return (content, byline);
            }

            if (best.Prose < 0 || prose > best.Prose * MuchMoreProse)
            {
                best = (content, prose, byline, shaped.Now());
            }
        }

        best.Marks?.Restore();
        return (best.Content, best.Byline);
    }

    /// <summary>Text in paragraphs that read as prose: long enough to score, and mostly not links.</summary>
    private static int ProseLength(IReadOnlyList<PageNode> nodes)
    {
        var length = 0;
        foreach (var top in nodes)
        {
            if (top.Removed)
            {
                continue;
            }

            length += ProseLengthOf(top);
            foreach (var node in top.Descendants())
            {
                length += ProseLengthOf(node);
            }
        }

        return length;
    }

    private static int ProseLengthOf(PageNode node) => node.Tag is "p" or "pre" && node.TextLength >= MinScoredLength && node.LinkDensity < 0.5 ? node.TextLength : 0;

    /// <summary>
    /// A top-down walk that leaves out the first byline the markup marks, the first heading that repeats the title, and,
    /// when the rules say so, furniture named by class, id or role. Returns the byline's text.
    /// </summary>
    private static string? DropBylineAndTitle(PageNode root, string? title, ContentRules rules)
    {
        string? byline = null;
        var titleDropped = title is null;
        foreach (var node in root.Descendants())
        {
            if (node.IsText)
            {
                continue;
            }

            if (byline is null && ContentHints.IsBylineMarkup(node) && node.Element?.TextContent.Trim() is { Length: > 0 and < 100 } text)
            {
                byline = text;
                PageMeasure.Remove(node);
                continue;
            }

            if (!titleDropped && node.Tag is "h1" or "h2" && TextSimilarity.Of(title!, node.Element?.TextContent ?? "") > 0.75)
            {
                titleDropped = true;
                PageMeasure.Remove(node);
                continue;
            }

            // Whether words stand beside the node is asked last: it looks the node up among its siblings.
            if (rules.HasFlag(ContentRules.DropFurniture) && node.Tag is not ("body" or "a")
                && ((ContentHints.IsFurniture(node) && !node.HasAncestor("table", 4) && !node.HasAncestor("code", 4)) || ContentHints.HasFurnitureRole(node))
                && !IsInRunningText(node))
            {
                PageMeasure.Remove(node);
            }
        }

        return byline;
    }

    /// <summary>Whether words stand right before or after the node: furniture is never in the middle of a sentence.</summary>
    private static bool IsInRunningText(PageNode node)
    {
        var siblings = node.Parent?.Children;
        if (siblings is null)
        {
            return false;
        }

        var at = siblings.IndexOf(node);
        return (at > 0 && siblings[at - 1] is { IsText: true } before && !string.IsNullOrWhiteSpace(before.Text))
            || (at + 1 < siblings.Count && siblings[at + 1] is { IsText: true } after && !string.IsNullOrWhiteSpace(after.Text));
    }

    private static List<PageNode> Select(PageNode root, ContentRules rules)
    {
        var candidates = ScoreCandidates(root, rules);
        var top = TopOf(candidates);
        if (top is null || top.Tag == "body")
        {
            var body = root;
            body.Score ??= InitialScore(body, rules);
            return [body];
        }

        top = GrowToSharedAncestor(top, candidates, rules);
        top = GrowToBetterParent(top);
        while (top.Parent is { Tag: not "body" } parent && parent.ElementChildren.Count() == 1)
        {
            top = parent;
        }

        top.Score ??= InitialScore(top, rules);
        return WithRelatedSiblings(top);
    }

    private static List<PageNode> ScoreCandidates(PageNode root, ContentRules rules)
    {
        var candidates = new List<PageNode>();
        foreach (var block in root.Descendants())
        {
            if (block.IsText || !ScoredTags.Contains(block.Tag) || block.Parent is null || block.TextLength < MinScoredLength)
            {
                continue;
            }

            var score = 1 + block.Commas + 1 + Math.Min(block.TextLength / 100, 3);
            var level = 0;
            for (var ancestor = block.Parent; ancestor is not null && level < ScoredAncestors; ancestor = ancestor.Parent)
            {
                if (ancestor.Parent is null)
                {
                    break;
                }

                if (ancestor.Score is null)
                {
                    ancestor.Score = InitialScore(ancestor, rules);
                    candidates.Add(ancestor);
                }

                ancestor.Score += score / (level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 });
                level++;
            }
        }

        foreach (var candidate in candidates)
        {
            candidate.Score *= 1 - candidate.LinkDensity;
        }

        return candidates;
    }

    private static PageNode? TopOf(List<PageNode> candidates) => candidates.Count == 0 ? null : candidates.MaxBy(c => c.Score);

    /// <summary>When three or more of the near-best candidates (three quarters of the best score) sit under one ancestor of the best, the ancestor is the content.</summary>
    private static PageNode GrowToSharedAncestor(PageNode top, List<PageNode> candidates, ContentRules rules)
    {
        const int minimumShared = 3;
        var close = candidates
            .OrderByDescending(c => c.Score)
            .Take(TopCandidates)
            .Where(c => c != top && c.Score / top.Score >= 0.75)
            .Select(c => c.Ancestors().ToHashSet())
            .ToList();
        if (close.Count < minimumShared)
        {
            return top;
        }

        foreach (var ancestor in top.Ancestors().TakeWhile(a => a.Tag != "body"))
        {
            if (close.Count(set => set.Contains(ancestor)) >= minimumShared)
            {
                ancestor.Score ??= InitialScore(ancestor, rules);
                return ancestor;
            }
        }

        return top;
    }

    /// <summary>Walks up while parents keep a good share of the score; a parent scoring higher than the child below it is better content.</summary>
    private static PageNode GrowToBetterParent(PageNode top)
    {
        var lastScore = top.Score ?? 0;
        var threshold = lastScore / 3;
        for (var parent = top.Parent; parent is not null && parent.Tag != "body"; parent = parent.Parent)
        {
            if (parent.Score is not { } parentScore)
            {
                continue;
            }

            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                return parent;
            }

            lastScore = parentScore;
        }

        return top;
    }

    /// <summary>The content and the siblings that belong with it: preambles, text split by removed ads, paragraphs beside it.</summary>
    private static List<PageNode> WithRelatedSiblings(PageNode top)
    {
        var parent = top.Parent;
        if (parent is null)
        {
            return [top];
        }

        var topScore = top.Score ?? 0;
        var threshold = Math.Max(10, topScore * 0.2);
        var content = new List<PageNode>();
        foreach (var sibling in parent.ElementChildren)
        {
            if (sibling == top)
            {
                content.Add(sibling);
                continue;
            }

            var bonus = sibling.Element?.ClassName is { Length: > 0 } className && className == top.Element?.ClassName ? topScore * 0.2 : 0;
            if (sibling.Score is { } score && score + bonus >= threshold)
            {
                content.Add(sibling);
            }
            else if (sibling.Tag == "p" && ReadsAsProse(sibling))
            {
                content.Add(sibling);
            }
        }

        return content;
    }

    private static bool ReadsAsProse(PageNode paragraph)
    {
        var length = paragraph.TextLength;
        if (length > 80)
        {
            return paragraph.LinkDensity < 0.25;
        }

        return length > 0 && paragraph.LinkDensity == 0 && EndsASentence(TextOf(paragraph));
    }

    private static bool EndsASentence(string text)
    {
        var at = text.IndexOf('.', StringComparison.Ordinal);
        while (at >= 0)
        {
            if (at == text.Length - 1 || text[at + 1] == ' ')
            {
                return true;
            }

            at = text.IndexOf('.', at + 1);
        }

        return false;
    }

    private static double InitialScore(PageNode node, ContentRules rules)
    {
        var score = node.Tag switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + (rules.HasFlag(ContentRules.WeighClasses) ? ContentHints.Weight(node) : 0);
    }

    public static string TextOf(PageNode node) =>
        string.Concat(node.Descendants().Where(d => d.IsText).Select(d => d.Text));
}
