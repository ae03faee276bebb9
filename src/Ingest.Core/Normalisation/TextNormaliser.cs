using System.Globalization;
using System.Text;

namespace Ingest.Core.Normalisation;

/// <summary>
/// Puts decoded text into the one shape every reader expects: LF line ends, Unicode NFC, plain
/// spaces, no zero-width or control characters but LF and TAB, no trailing white space on a
/// line, at most one blank line between paragraphs and none at either end.
/// Normalising twice changes nothing.
/// </summary>
public static class TextNormaliser
{
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var cleaned = ReplaceCharacters(text);
        var lines = TrimAndCollapseLines(cleaned);
        // NFC last: removing a zero-width character can bring a base letter and its combining mark together.
        return lines.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Line ends to LF, space separators to a space, invisible and control characters out, lone surrogates to U+FFFD.</summary>
    private static string ReplaceCharacters(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                case '\n' or '\t':
                    builder.Append(c);
                    continue;
            }

            if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.SpaceSeparator:
                    builder.Append(' ');
                    break;
                case UnicodeCategory.LineSeparator:
                    builder.Append('\n');
                    break;
                case UnicodeCategory.ParagraphSeparator:
                    builder.Append("\n\n");
                    break;
                case UnicodeCategory.Control or UnicodeCategory.Format:
                    // Control characters, zero-width spaces and joiners, BOMs, soft hyphens, direction marks.
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string TrimAndCollapseLines(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingBlank = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                pendingBlank = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(pendingBlank ? "\n\n" : "\n");
            }

            builder.Append(line);
            pendingBlank = false;
        }

        return builder.ToString();
    }
}
