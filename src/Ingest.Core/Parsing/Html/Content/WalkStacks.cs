namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// Stacks for the walks over a <see cref="PageNode"/> tree, handed out again once a walk is done: a page's tree is walked
/// thousands of times (every question about a node's descendants is a walk), and a stack grown afresh for each walk was a
/// large share of what reading a page allocated. Kept per thread; a stack grown past <see cref="MaxKeptCapacity"/> (a page
/// of very many siblings) is left to the collector rather than held.
/// </summary>
internal static class WalkStacks
{
    private const int InitialCapacity = 64;
    private const int MaxKeptCapacity = 16 * 1024;

    [ThreadStatic]
    private static Stack<Stack<PageNode>>? t_free;

    public static Stack<PageNode> Rent() => t_free is { Count: > 0 } free ? free.Pop() : new Stack<PageNode>(InitialCapacity);

    /// <summary>Takes <paramref name="stack"/> back, emptied (a walk left early leaves nodes on it).</summary>
    public static void Return(Stack<PageNode> stack)
    {
        if (stack.Capacity > MaxKeptCapacity)
        {
            return;
        }

        stack.Clear();
        (t_free ??= new Stack<Stack<PageNode>>()).Push(stack);
    }
}
