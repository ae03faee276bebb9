using Ingest.Core.Languages;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// The words that say what a text is about: not the language's function words, not words of one or two letters;
/// ideographs in pairs (Chinese and Japanese put no spaces between words). Compared case aside.
/// </summary>
internal static class SubjectWords
{
    private const int MinLetters = 3;

    /// <summary>Adds the subject words of <paramref name="text"/> to <paramref name="words"/> (distinct, case aside, each as its hash: words are compared, never copied).</summary>
    public static void AddTo(HashSet<int> words, string text, string? language)
    {
        var languageBit = language is null ? 0 : 1 << FunctionWords.IndexOf(language);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (ProseMeasure.IsWordCharacter(c))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = text.AsSpan(start, i - start);
                if (word.Length >= MinLetters && (languageBit == 0 || (FunctionWords.LanguagesOf(word) & languageBit) == 0))
                {
                    words.Add(CaselessHash(word));
                }

                start = -1;
            }

            if (c > '\u2FFF' && ProseMeasure.IsIdeographic(c) && i + 1 < text.Length && ProseMeasure.IsIdeographic(text[i + 1]))
            {
                words.Add(CaselessHash(text.AsSpan(i, 2)));
            }
        }
    }

    /// <summary>FNV-1a over the word's characters upper-cased: cheaper than the framework's randomised hash, and enough to compare the words of one page.</summary>
    private static int CaselessHash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            var upper = c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
            hash = (hash ^ upper) * 16777619u;
        }

        return (int)hash;
    }
}
