using Ingest.Core.Languages;

namespace Ingest.Core.Metadata;

/// <summary>
/// Says <c>en</c> when a text is clearly English: enough words, a share of English function
/// words that even terse wire copy reaches, and far more English ones than those of any other
/// language <see cref="FunctionWords"/> knows. Anything less clear is null rather than a guess.
/// </summary>
public static class LanguageDetector
{
    public const string English = "en";

    private const int MinWords = 20;
    private const double MinEnglishShare = 0.08;
    private const int MinLeadOverOthers = 2;

    public static string? Detect(IEnumerable<string> paragraphs)
    {
        var tally = new FunctionWordTally();
        foreach (var paragraph in paragraphs)
        {
            tally.Add(paragraph);
        }

        return Detect(tally);
    }

    /// <summary>The language of the words <paramref name="tally"/> has counted (see <see cref="Detect(IEnumerable{string})"/>).</summary>
    public static string? Detect(FunctionWordTally tally)
    {
        var english = tally.Hits(English);
        var clearlyEnglish = tally.Words >= MinWords
            && english >= tally.Words * MinEnglishShare
            && english >= MinLeadOverOthers * tally.MostHitsOfAnotherLanguage(English);
        return clearlyEnglish ? English : null;
    }
}
