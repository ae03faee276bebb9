namespace Ingest.Core.Metadata;

/// <summary>
/// Says <c>en</c> when a text is clearly English: enough words, a share of English function
/// words that even terse wire copy reaches, and far more English ones than those of the other
/// languages news in Latin script is most often written in. Anything less clear is null
/// rather than a guess.
/// </summary>
public static class LanguageDetector
{
    public const string English = "en";

    private const int MinWords = 20;
    private const double MinEnglishShare = 0.08;
    private const int MinLeadOverOthers = 2;

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '“', '”', '‘', '’', '(', ')', '[', ']', '–', '—', '-'];

    // "a", "in" and "also" belong to several of these languages and count for none; "is" and "as" count for English only.
    private static readonly HashSet<string> EnglishWords = Words(
        "the an and or but of to on at by for with from as into is are was were be been has have had will would could " +
        "should can it its he she they we his her their our this that these those which who what when where not said after " +
        "before about than more");

    private static readonly HashSet<string>[] OtherLanguages =
    [
        Words("le la les des du et est une dans pour sur pas qui que avec il elle ils sont été aux ce cette mais ou"), // French
        Words("der und den das ist nicht mit sich auf dem ein eine zu von im für wurde sind auch wird bei oder aus"), // German
        Words("el los las del y en que por con para una es su se lo como más pero fue sus le ha"), // Spanish
        Words("il di che è per una sono della con non si gli nel alla anche ma come più questo"), // Italian
        Words("het een van en dat op te met voor zijn niet aan ook bij door maar werd naar"), // Dutch
        Words("o os do da dos das em um uma para com não por mais foi pelo pela seu sua"), // Portuguese
    ];

    public static string? Detect(IEnumerable<string> paragraphs)
    {
        var words = 0;
        var english = 0;
        var others = new int[OtherLanguages.Length];
        foreach (var paragraph in paragraphs)
        {
            foreach (var token in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.Trim(Punctuation);
                if (word.Length == 0)
                {
                    continue;
                }

                words++;
                english += EnglishWords.Contains(word) ? 1 : 0;
                for (var i = 0; i < OtherLanguages.Length; i++)
                {
                    others[i] += OtherLanguages[i].Contains(word) ? 1 : 0;
                }
            }
        }

        var clearlyEnglish = words >= MinWords
            && english >= words * MinEnglishShare
            && english >= MinLeadOverOthers * others.Max();
        return clearlyEnglish ? English : null;
    }

    private static HashSet<string> Words(string list) =>
        new(list.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
}
