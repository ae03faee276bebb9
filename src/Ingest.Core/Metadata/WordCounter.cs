using Ingest.Core.Languages;

namespace Ingest.Core.Metadata;

/// <summary>Counts words as readers do: runs of non-space characters holding at least one letter or digit (a lone dash is not a word).</summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var count = 0;
        var inWord = false;
        var wordHasLetterOrDigit = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && wordHasLetterOrDigit)
                {
                    count++;
                }

                inWord = false;
                wordHasLetterOrDigit = false;
                continue;
            }

            inWord = true;
            wordHasLetterOrDigit |= char.IsLetterOrDigit(c);
        }

        return inWord && wordHasLetterOrDigit ? count + 1 : count;
    }

    /// <summary>
    /// Counts the words of <paramref name="text"/> as <see cref="Count(string)"/> does and adds them to
    /// <paramref name="tally"/> as <see cref="FunctionWordTally.Add"/> does, in one walk over the text: an article's
    /// paragraphs are read once for both its word count and its language.
    /// </summary>
    public static int Count(string text, FunctionWordTally tally)
    {
        var count = 0;
        var inWord = false;
        var wordHasLetterOrDigit = false;
        var tokenStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                // The tally's words stand between spaces.
                if (i > tokenStart)
                {
                    tally.AddToken(text.AsSpan(tokenStart, i - tokenStart));
                }

                tokenStart = i + 1;
            }

            if (char.IsWhiteSpace(c))
            {
                count += inWord && wordHasLetterOrDigit ? 1 : 0;
                inWord = false;
                wordHasLetterOrDigit = false;
                continue;
            }

            inWord = true;
            wordHasLetterOrDigit |= char.IsLetterOrDigit(c);
        }

        if (text.Length > tokenStart)
        {
            tally.AddToken(text.AsSpan(tokenStart));
        }

        return inWord && wordHasLetterOrDigit ? count + 1 : count;
    }
}
