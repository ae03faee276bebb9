namespace Ingest.Core.Parsing;

/// <summary>
/// The words of a folded line (<see cref="PlainText.LineClassifier.Fold"/>): runs of characters between plain spaces,
/// counted in place. Readers ask it of every line they judge by length, so it copies nothing.
/// </summary>
internal static class LineWords
{
    public static int Count(string text) => CountUpTo(text, int.MaxValue);

    /// <summary>Whether <paramref name="text"/> has no more than <paramref name="most"/> words; stops counting past that (paragraphs run to thousands).</summary>
    public static bool AtMost(string text, int most) => CountUpTo(text, most + 1) <= most;

    private static int CountUpTo(string text, int limit)
    {
        var words = 0;
        for (var i = 0; i < text.Length && words < limit; i++)
        {
            words += text[i] != ' ' && (i == 0 || text[i - 1] == ' ') ? 1 : 0;
        }

        return words;
    }
}
