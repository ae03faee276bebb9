namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Collections for working over a <see cref="PageNode"/> tree, handed out again once done with: a page's tree is walked
/// thousands of times (every question about a node's descendants is a walk), and a stack grown afresh for each walk, or a
/// list of a page's elements grown for each build, was a large share of what reading a page allocated. Kept per thread;
/// one grown past <see cref="MaxKept"/> (a page of very many nodes) is left to the collector rather than held.
/// </summary>
internal static class TreeScratch
{
    private const int MaxKept = 64 * 1024;

    [ThreadStatic]
    private static Stack<Stack<PageNode>>? t_stacks;

    [ThreadStatic]
    private static List<PageNode>? t_list;

    /// <summary>A stack for a walk (walks nest: each takes its own).</summary>
    public static Stack<PageNode> RentStack() => t_stacks is { Count: > 0 } free ? free.Pop() : new Stack<PageNode>(64);

    /// <summary>Takes <paramref name="stack"/> back, emptied (a walk left early leaves nodes on it).</summary>
    public static void Return(Stack<PageNode> stack)
    {
        if (stack.Capacity > MaxKept)
        {
            return;
        }

        stack.Clear();
        (t_stacks ??= new Stack<Stack<PageNode>>()).Push(stack);
    }

    /// <summary>A list (the tree's build keeps a page's elements in it, in the order they were built).</summary>
    public static List<PageNode> RentList()
    {
        var list = t_list ?? new List<PageNode>(1024);
        t_list = null;
        return list;
    }

    /// <summary>Takes <paramref name="list"/> back, emptied.</summary>
    public static void Return(List<PageNode> list)
    {
        if (list.Capacity > MaxKept)
        {
            return;
        }

        list.Clear();
        t_list = list;
    }
}
