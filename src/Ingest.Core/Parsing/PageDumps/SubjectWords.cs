using System.Text;
using Ingest.Core.Languages;

namespace Ingest.Core.Parsing.PageDumps;

/// <summary>
/// The words that say what a text is about: not the language's function words, not words of one or two letters;
/// ideographs in pairs (Chinese and Japanese put no spaces between words). Compared as written, in lower case.
/// </summary>
internal static class SubjectWords
{
    private const int MinLetters = 3;

    public static HashSet<string> Of(string text, string? language)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        void End()
        {
            if (word.Length >= MinLetters)
            {
                var lower = word.ToString().ToLowerInvariant();
                if (language is null || !FunctionWords.Contains(language, lower))
                {
                    words.Add(lower);
                }
            }

            word.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (ProseMeasure.IsIdeographic(c))
            {
                End();
                if (i + 1 < text.Length && ProseMeasure.IsIdeographic(text[i + 1]))
                {
                    words.Add(text.Substring(i, 2));
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                End();
            }
        }

        End();
        return words;
    }
}
