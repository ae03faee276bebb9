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
                AddWord(token.Trim(",.;:!?\"()"));
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

    private void AddWord(ReadOnlySpan<char> word)
    {
        Words++;
        if (word.Length == 0)
        {
            return;
        }

        var languages = FunctionWords.LanguagesOf(word);
        for (var i = 0; languages != 0; i++, languages >>= 1)
        {
            _hits[i] += languages & 1;
        }
    }
}
