using System.Buffers;
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
        // NFC last: removing a zero-width character can bring a base letter and its combining mark together. Text that is
        // NFC already (nearly all text) is checked, not copied.
        return lines.IsNormalized(NormalizationForm.FormC) ? lines : lines.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Line ends to LF, space separators to a space, invisible and control characters out, lone surrogates to U+FFFD.</summary>
    /// <remarks>Runs of characters that stay as they are (nearly all of any text) are copied whole; text with nothing to replace is returned as it is.</remarks>
    private static string ReplaceCharacters(string text)
    {
        StringBuilder? builder = null;
        var kept = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Runs of printable ASCII, LF and TAB are skipped with a vectorised search; only what follows one is looked at.
            var plain = text.AsSpan(i).IndexOfAnyExcept(PlainAscii);
            if (plain < 0)
            {
                break;
            }

            i += plain;
            var c = text[i];
            if (StaysAsItIs(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, kept, i - kept);
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default:
                    builder.Append(Replacement(c));
                    break;
            }

            kept = i + 1;
        }

        return builder is null ? text : builder.Append(text, kept, text.Length - kept).ToString();
    }

    /// <summary>Printable ASCII, LF and TAB: what stays as it is without a look at its category.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c), '\n', '\t']);

    /// <summary>Printable ASCII, LF and TAB, and any other character that is neither white space, control, format nor a surrogate.</summary>
    private static bool StaysAsItIs(char c) =>
        PlainAscii.Contains(c) || (c > '\u007F' && !char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not
            (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control or UnicodeCategory.Format));

    private static string Replacement(char c)
    {
        if (char.IsSurrogate(c))
        {
            return "\uFFFD";
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.SpaceSeparator => " ",
            UnicodeCategory.LineSeparator => "\n",
            UnicodeCategory.ParagraphSeparator => "\n\n",
            _ => "", // Control characters, zero-width spaces and joiners, BOMs, soft hyphens, direction marks.
        };
    }

    /// <summary>Trailing white space off every line, blank lines at either end out, runs of blank lines down to one.</summary>
    /// <remarks>Only ever removes characters, so a result as long as the text is the text itself, returned without a copy.</remarks>
    private static string TrimAndCollapseLines(string text)
    {
        if (!HasLinesInsideToTrimOrCollapse(text))
        {
            // At most the ends to trim (a file's last line end, nearly always): one copy, or none.
            var inner = text.AsSpan().TrimStart('\n').TrimEnd(" \t\n");
            return inner.Length == text.Length ? text : inner.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var pendingBlank = false;
        var span = text.AsSpan();
        foreach (var range in span.Split('\n'))
        {
            var line = span[range].TrimEnd();
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

        return builder.Length == text.Length ? text : builder.ToString();
    }

    /// <summary>
    /// Whether <see cref="TrimAndCollapseLines"/> has more to do than trim the text's ends, told by a few vectorised
    /// searches: after <see cref="ReplaceCharacters"/> the only white space left is the space, TAB and LF, so a line ends in
    /// white space only before an LF or at the end, and blank lines inside the text show as three LFs in a row.
    /// </summary>
    private static bool HasLinesInsideToTrimOrCollapse(string text) =>
        text.Contains(" \n", StringComparison.Ordinal) || text.Contains("\t\n", StringComparison.Ordinal)
        || text.Contains("\n\n\n", StringComparison.Ordinal);
}
