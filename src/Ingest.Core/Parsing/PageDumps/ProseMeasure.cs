using Ingest.Core.Languages;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// How much a block reads like prose, whatever its language: its length in letters, its words (a run of ideographs or
/// kana counts a word for every two characters), the share of those that are the page language's function words, and
/// its sentence marks and commas (Latin, Arabic and CJK ones). <see cref="Mass"/> is the length that says how much is
/// written: an ideograph carries about as much as three letters.
/// </summary>
public readonly record struct ProseMeasure(int Letters, int Ideographs, int Words, int FunctionWordCount, int SentenceMarks, int Commas, bool EndsLikeSentence)
{
    private const int LettersPerIdeograph = 3;

    /// <summary>Quotes and brackets that may close a sentence after its full stop.</summary>
    private const string ClosingMarks = "\"”’')]»」』 ";

    public int Mass => Letters + ((LettersPerIdeograph - 1) * Ideographs);

    public double FunctionWordShare => Words == 0 ? 0 : (double)FunctionWordCount / Words;

    /// <summary>The measure of blocks read one after another: their counts added, the ending the last one's.</summary>
    public static ProseMeasure Sum(ReadOnlySpan<ProseMeasure> parts)
    {
        int letters = 0, ideographs = 0, words = 0, function = 0, marks = 0, commas = 0;
        foreach (var part in parts)
        {
            letters += part.Letters;
            ideographs += part.Ideographs;
            words += part.Words;
            function += part.FunctionWordCount;
            marks += part.SentenceMarks;
            commas += part.Commas;
        }

        return new(letters, ideographs, words, function, marks, commas, parts.Length > 0 && parts[^1].EndsLikeSentence);
    }

    /// <summary>
    /// Measures <paramref name="text"/>; given <paramref name="subjectWords"/>, adds to it the text's subject words as they go by
    /// (<see cref="SubjectWords"/>), so that a block's words are looked up among the function words once for both.
    /// </summary>
    public static ProseMeasure Of(string text, string? language, List<int>? subjectWords = null)
    {
        int letters = 0, words = 0, function = 0, sentenceMarks = 0, commas = 0, ideographs = 0;
        var languageBit = language is null ? 0 : 1 << FunctionWords.IndexOf(language);
        var wordStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordCharacter(c))
            {
                letters++;
                wordStart = wordStart < 0 ? i : wordStart;
                continue;
            }

            if (wordStart >= 0)
            {
                words++;
                function += EndWord(text.AsSpan(wordStart, i - wordStart), languageBit, subjectWords);
                wordStart = -1;
            }

            if (c > '\u2FFF' && IsIdeographic(c))
            {
                letters++;
                ideographs++;
                if (subjectWords is not null && i + 1 < text.Length && IsIdeographic(text[i + 1]))
                {
                    subjectWords.Add(SubjectWords.CaselessHash(text.AsSpan(i, 2)));
                }
            }
            else
            {
                sentenceMarks += c is '.' or '!' or '?' or '。' or '！' or '？' or '؟' or '।' ? 1 : 0;
                commas += c is ',' or '，' or '、' or '،' or ';' or '；' ? 1 : 0;
            }
        }

        if (wordStart >= 0)
        {
            words++;
            function += EndWord(text.AsSpan(wordStart), languageBit, subjectWords);
        }

        words += ideographs / 2;
        var trimmed = text.AsSpan().TrimEnd(ClosingMarks);
        var endsLikeSentence = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '。' or '！' or '？' or '…' or ':' or '؟';
        return new ProseMeasure(letters, ideographs, words, function, sentenceMarks, commas, endsLikeSentence);
    }

    /// <summary>1 when <paramref name="word"/> is a function word of the language (<paramref name="languageBit"/>; none is when 0), else 0; a subject word is added.</summary>
    private static int EndWord(ReadOnlySpan<char> word, int languageBit, List<int>? subjectWords)
    {
        var isFunctionWord = languageBit != 0 && (FunctionWords.LanguagesOf(word) & languageBit) != 0;
        if (subjectWords is not null && !isFunctionWord && SubjectWords.IsLongEnough(word))
        {
            subjectWords.Add(SubjectWords.CaselessHash(word));
        }

        return isFunctionWord ? 1 : 0;
    }

    /// <summary>A letter or digit of a script written with spaces between words; ASCII decided without a table lookup.</summary>
    public static bool IsWordCharacter(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsIdeographic(c);

    /// <summary>Han ideographs and Japanese kana: scripts written without spaces between words.</summary>
    public static bool IsIdeographic(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
