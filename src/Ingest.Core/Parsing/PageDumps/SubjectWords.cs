using Ingest.Core.Languages;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// The words that say what a text is about: not the language's function words, not words of one or two letters;
/// ideographs in pairs (Chinese and Japanese put no spaces between words). Compared as written, in lower case.
/// </summary>
internal static class SubjectWords
{
    private const int MinLetters = 3;

    /// <summary>The distinct subject words of <paramref name="text"/> (case aside).</summary>
    public static HashSet<string> Of(string text, string? language)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        Each(text, language, word => lookup.Add(word));
        return words;
    }

    /// <summary>How many distinct subject words <paramref name="text"/> has, and how many of them <paramref name="subject"/> holds (a set that ignores case).</summary>
    public static (int Words, int Shared) Shared(string text, string? language, HashSet<string> subject)
    {
        // Distinct by hash rather than by string: no word is copied to count it.
        var seen = new HashSet<int>();
        var lookup = subject.GetAlternateLookup<ReadOnlySpan<char>>();
        var shared = 0;
        Each(text, language, word =>
        {
            if (seen.Add(string.GetHashCode(word, StringComparison.OrdinalIgnoreCase)) && lookup.Contains(word))
            {
                shared++;
            }
        });
        return (seen.Count, shared);
    }

    private delegate void WordAction(ReadOnlySpan<char> word);

    private static void Each(string text, string? language, WordAction action)
    {
        var languageBit = language is null ? 0 : 1 << FunctionWords.IndexOf(language);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var ideograph = ProseMeasure.IsIdeographic(c);
            if (char.IsLetterOrDigit(c) && !ideograph)
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                if (word.Length >= MinLetters && (languageBit == 0 || (FunctionWords.LanguagesOf(word) & languageBit) == 0))
                {
                    action(word);
                }

                start = -1;
            }

            if (ideograph && i + 1 < text.Length && ProseMeasure.IsIdeographic(text[i + 1]))
            {
                action(text.AsSpan(i, 2));
            }
        }
    }
}
