using System.Buffers;

namespace Ingest.Core.Parsing;

/// <summary>White space as <see cref="char.IsWhiteSpace(char)"/> has it, searched for with vectorised searches: readers ask about every line.</summary>
internal static class WhiteSpace
{
    /// <summary>Every white-space character but the plain space (a folded line has none of them).</summary>
    public static readonly SearchValues<char> ButTheSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) && c != ' ')]);

    /// <summary>How many characters of <paramref name="text"/> are white space.</summary>
    /// <remarks>The spaces counted apart: a search for the set would stop at every one of them.</remarks>
    public static int Count(ReadOnlySpan<char> text) => text.Count(' ') + text.CountAny(ButTheSpace);
}
