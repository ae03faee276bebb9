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

    /// <summary>Measures <paramref name="text"/> in <paramref name="language"/>. A page's blocks are measured together, in one walk (<see cref="BlockWords"/>).</summary>
    public static ProseMeasure Of(string text, string? language) => Of(text, language, subjectWords: null);

    /// <summary>Measures <paramref name="text"/>; given <paramref name="subjectWords"/>, adds to it the text's subject words (<see cref="SubjectWords"/>).</summary>
    internal static ProseMeasure Of(string text, string? language, WordSet? subjectWords)
    {
        var words = BlockWords.Read([new DumpBlock(DumpBlockKind.Paragraph, text)], _ => language);
        if (subjectWords is not null)
        {
            words.AddSubjectWords(subjectWords, 0);
        }

        return words.Measures[0];
    }

    /// <summary>Whether <paramref name="text"/> ends with a sentence mark (a full stop, a question mark, a colon…), closing quotes and brackets aside.</summary>
    internal static bool EndsAsSentence(string text)
    {
        var trimmed = text.AsSpan().TrimEnd(ClosingMarks);
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '。' or '！' or '？' or '…' or ':' or '؟';
    }

    /// <summary>A letter or digit of a script written with spaces between words; ASCII decided without a table lookup.</summary>
    public static bool IsWordCharacter(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) && !IsIdeographic(c);

    /// <summary>Han ideographs and Japanese kana: scripts written without spaces between words.</summary>
    public static bool IsIdeographic(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
