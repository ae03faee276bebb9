using Ingest.Core.Languages;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// How much a block reads like prose, whatever its language: its length in letters, its words (a run of ideographs or
/// kana counts a word for every two characters), the share of those that are the page language's function words, and
/// its sentence marks and commas (Latin, Arabic and CJK ones). <see cref="Mass"/> is the length that says how much is
/// written: an ideograph carries about as much as three letters.
/// </summary>
public readonly record struct ProseMeasure(int Letters, int Ideographs, int Words, double FunctionWordShare, int SentenceMarks, int Commas, bool EndsLikeSentence)
{
    private const int LettersPerIdeograph = 3;

    public int Mass => Letters + ((LettersPerIdeograph - 1) * Ideographs);

    public static ProseMeasure Of(string text, string? language)
    {
        int letters = 0, words = 0, function = 0, sentenceMarks = 0, commas = 0, ideographs = 0;
        var word = new System.Text.StringBuilder();
        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            words++;
            if (language is not null && FunctionWords.Contains(language, word.ToString().ToLowerInvariant()))
            {
                function++;
            }

            word.Clear();
        }

        foreach (var c in text)
        {
            if (IsIdeographic(c))
            {
                EndWord();
                letters++;
                ideographs++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                letters++;
                word.Append(c);
            }
            else
            {
                EndWord();
                sentenceMarks += c is '.' or '!' or '?' or '。' or '！' or '？' or '؟' or '।' ? 1 : 0;
                commas += c is ',' or '，' or '、' or '،' or ';' or '；' ? 1 : 0;
            }
        }

        EndWord();
        words += ideographs / 2;
        var trimmed = text.TrimEnd('"', '”', '’', '\'', ')', ']', '»', '」', '』', ' ');
        var endsLikeSentence = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '。' or '！' or '？' or '…' or ':' or '؟';
        return new ProseMeasure(letters, ideographs, words, words == 0 ? 0 : (double)function / words, sentenceMarks, commas, endsLikeSentence);
    }

    /// <summary>Han ideographs and Japanese kana: scripts written without spaces between words.</summary>
    public static bool IsIdeographic(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
