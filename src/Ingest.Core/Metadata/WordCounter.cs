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

    public static int Count(IEnumerable<string> paragraphs) => paragraphs.Sum(Count);
}
