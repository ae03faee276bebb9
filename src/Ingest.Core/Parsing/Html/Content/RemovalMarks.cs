namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Which nodes of a shaped <see cref="PageNode"/> tree are removed, taken at one moment and put back later: the finder's
/// passes run on one tree (building and shaping it again for each pass gave the same tree), each pass starting from the
/// marks shaping left, and the marks of the pass whose content is taken are put back at the end.
/// </summary>
internal sealed class RemovalMarks
{
    private readonly IReadOnlyList<PageNode> _nodes;
    private readonly bool[] _removed;

    private RemovalMarks(IReadOnlyList<PageNode> nodes)
    {
        _nodes = nodes;
        _removed = new bool[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            _removed[i] = nodes[i].Removed;
        }
    }

    /// <summary>The marks of every node of the tree <paramref name="root"/> is the top of, and of its parent (which can be scored).</summary>
    public static RemovalMarks Of(PageNode root)
    {
        var nodes = new List<PageNode>();
        if (root.Parent is { } parent)
        {
            nodes.Add(parent);
        }

        var pending = TreeScratch.RentStack();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            nodes.Add(node);
            foreach (var child in node.Children)
            {
                pending.Push(child);
            }
        }

        TreeScratch.Return(pending);

        return new RemovalMarks(nodes);
    }

    /// <summary>The marks of the same nodes as they stand now.</summary>
    public RemovalMarks Now() => new(_nodes);

    /// <summary>Puts these marks back, and clears every score (a pass scores from nothing).</summary>
    public void Restore()
    {
        for (var i = 0; i < _nodes.Count; i++)
        {
            _nodes[i].Removed = _removed[i];
            _nodes[i].Score = null;
        }
    }
}
