namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// The words that say what a text is about: not the language's function words, not words of one or two letters;
/// ideographs in pairs (Chinese and Japanese put no spaces between words). Compared case aside, each as its hash: words
/// are compared, never copied. The walk that measures a page's blocks finds them as it goes (<see cref="BlockWords"/>), into <see cref="WordSet"/>s.
/// </summary>
internal static class SubjectWords
{
    private const int MinLetters = 3;

    public static bool IsLongEnough(ReadOnlySpan<char> word) => word.Length >= MinLetters;

    /// <summary>FNV-1a over the word's characters upper-cased: cheaper than the framework's randomised hash, and enough to compare the words of one page.</summary>
    public static int CaselessHash(ReadOnlySpan<char> word)
    {
        var hash = HashSeed;
        foreach (var c in word)
        {
            hash = HashStep(hash, c);
        }

        return (int)hash;
    }

    /// <summary>What <see cref="CaselessHash"/> starts from, for a reader that hashes a word as its characters go by.</summary>
    public const uint HashSeed = 2166136261u;

    /// <summary><paramref name="hash"/> with one more character, <see cref="CaselessHash"/>'s step.</summary>
    public static uint HashStep(uint hash, char c)
    {
        var upper = c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
        return (hash ^ upper) * 16777619u;
    }
}
