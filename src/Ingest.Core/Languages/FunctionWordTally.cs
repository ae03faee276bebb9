namespace Ingest.Core.Languages;

/// <summary>
/// Counts words and, per language, the function words among them, in one pass and without allocating: enough to tell
/// a text's language (<see cref="Dominant"/>) where it is written with spaces between words.
/// </summary>
public sealed class FunctionWordTally
{
    private readonly int[] _hits = new int[FunctionWords.Languages.Count];

    public int Words { get; private set; }

    /// <summary>Adds every word of <paramref name="text"/>: what stands between spaces, without the punctuation around it.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split(' '))
        {
            var token = text[range];
            if (token.Length > 0)
            {
                AddToken(token);
            }
        }
    }

    /// <summary>
    /// The language whose function words are the most frequent, when they make up at least <paramref name="minShare"/>
    /// of the words; null when none clearly is (or the script has no spaces).
    /// </summary>
    public string? Dominant(double minShare)
    {
        if (Words == 0)
        {
            return null;
        }

        var best = 0;
        for (var i = 1; i < _hits.Length; i++)
        {
            if (_hits[i] > _hits[best])
            {
                best = i;
            }
        }

        return _hits[best] >= Words * minShare ? FunctionWords.Languages[best] : null;
    }

    /// <summary>How many of the words are function words of <paramref name="language"/>.</summary>
    public int Hits(string language) => _hits[FunctionWords.IndexOf(language)];

    /// <summary>The most function words any language but <paramref name="language"/> has among the words.</summary>
    public int MostHitsOfAnotherLanguage(string language)
    {
        var except = FunctionWords.IndexOf(language);
        return _hits.Where((_, i) => i != except).DefaultIfEmpty(0).Max();
    }

    /// <summary>Counts one word that is a function word of <paramref name="languages"/> (bits by index into <see cref="FunctionWords.Languages"/>; 0 for none).</summary>
    /// <remarks>For a reader that has looked the word up already (see <see cref="WordIn"/> for what a word is here).</remarks>
    public void AddWord(int languages)
    {
        Words++;
        for (var i = 0; languages != 0; i++, languages >>= 1)
        {
            _hits[i] += languages & 1;
        }
    }

    /// <summary>Adds one word as it stands between spaces (not empty): the punctuation around it is trimmed before it is looked up.</summary>
    public void AddToken(ReadOnlySpan<char> token)
    {
        var (start, length) = WordIn(token);
        AddWord(FunctionWords.LanguagesOf(token.Slice(start, length)));
    }

    /// <summary>Where the word inside <paramref name="token"/> (what stands between two spaces) lies once the punctuation around it is trimmed.</summary>
    public static (int Start, int Length) WordIn(ReadOnlySpan<char> token)
    {
        int start = 0, end = token.Length;
        while (start < end && IsTrimmed(token[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(token[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private static bool IsTrimmed(char c) => c is ',' or '.' or ';' or ':' or '!' or '?' or '"' or '(' or ')';
}
