namespace Ingest.Core.Parsing.Titles;

/// <summary>How much of a second text's words the first text has: 1 when every word of the second is in the first, 0 when none is.</summary>
public static class TextSimilarity
{
    public static double Of(string first, string second)
    {
        var a = Words(first);
        var b = Words(second);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var known = a.ToHashSet(StringComparer.Ordinal);
        var unique = string.Join(' ', b.Where(w => !known.Contains(w)));
        return 1 - ((double)unique.Length / string.Join(' ', b).Length);
    }

    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
