using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        return Normalise(text, text);
    }

    /// <summary>Normalises characters held elsewhere (a pooled buffer the file was decoded into): the result is the one copy made.</summary>
    public static string Normalise(ReadOnlySpan<char> text) => Normalise(text, null);

    /// <param name="text">The text to normalise.</param>
    /// <param name="original">The same text as a string, returned as it is when nothing changes; null when there is none.</param>
    private static string Normalise(ReadOnlySpan<char> text, string? original)
    {
        // The text is copied at most once on its way to the result: characters are replaced into a pooled working copy,
        // lines are trimmed and collapsed within it, and the result is made from what is left.
        var working = default(PooledChars);
        try
        {
            var cleaned = text;
            if (NextToReplace(text, 0) is var first and >= 0)
            {
                working = new PooledChars(text.Length);
                ReplaceCharacters(text, first, ref working);
                cleaned = working.Written;
            }

            var lines = TrimAndCollapseLines(cleaned, ref working);
            var result = original is not null && lines.Length == text.Length && cleaned == text ? original : lines.ToString();
            // NFC last: removing a zero-width character can bring a base letter and its combining mark together. Text that is
            // NFC already (nearly all text) is checked, not copied.
            return IsNfc(result) ? result : result.Normalize(NormalizationForm.FormC);
        }
        finally
        {
            working.Dispose();
        }
    }

    /// <summary>
    /// Where the first character <see cref="ReplaceCharacters"/> changes stands, at or after <paramref name="from"/>; -1 when
    /// there is none (nearly all text has none at all).
    /// </summary>
    private static int NextToReplace(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            // Runs of printable ASCII, LF and TAB are skipped with a vectorised search; only what follows one is looked at.
            var plain = text[i..].IndexOfAnyExcept(PlainAscii);
            if (plain < 0)
            {
                return -1;
            }

            i += plain;
            if (StaysAsItIs(text[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>
    /// Line ends to LF, space separators to a space, invisible and control characters out, lone surrogates to U+FFFD,
    /// written to <paramref name="output"/> from the first character to change (<paramref name="first"/>) on.
    /// </summary>
    /// <remarks>Runs of characters that stay as they are (nearly all of any text) are copied whole.</remarks>
    private static void ReplaceCharacters(ReadOnlySpan<char> text, int first, ref PooledChars output)
    {
        var kept = 0;
        for (var i = first; i >= 0; i = NextToReplace(text, kept))
        {
            output.Append(text[kept..i]);
            switch (text[i])
            {
                case '\r':
                    output.Append("\n");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default:
                    output.Append(Replacement(text[i]));
                    break;
            }

            kept = i + 1;
        }

        output.Append(text[kept..]);
    }

    /// <summary>
    /// Whether the text is NFC: yes at once when every character is one NFC leaves alone whatever stands beside it
    /// (<see cref="AlwaysNfc"/>: nearly every page), else ICU's check over the whole text.
    /// </summary>
    internal static bool IsNfc(string text)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAnyExceptInRange('\0', '\u02FF'); at >= 0; at = rest.IndexOfAnyExceptInRange('\0', '\u02FF'))
        {
            if (!AlwaysNfc(rest[at]))
            {
                return text.IsNormalized(NormalizationForm.FormC);
            }

            rest = rest[(at + 1)..];
        }

        return true;
    }

    /// <summary>Whether NFC leaves <paramref name="c"/> as it is wherever it stands (<see cref="StableUnderNfc"/>).</summary>
    internal static bool AlwaysNfc(char c) => c < '\u0300' || (StableUnderNfc.Bits[c >> 6] & (1UL << c)) != 0;

    /// <summary>
    /// The characters NFC leaves as they are wherever they stand, asked of ICU itself once (about 14 ms, on the first text that
    /// needs it): a character that is NFC on its own (it does not decompose, nor is it left out of composition), of combining
    /// class 0 (a class-1 mark after it is in order), and that is no mark and no Hangul jamo (the characters that compose
    /// with the one before them are all marks or jamo). Surrogates and characters this runtime does not know are left out.
    /// </summary>
    private static class StableUnderNfc
    {
        public static readonly ulong[] Bits = Build();

        private static ulong[] Build()
        {
            var bits = new ulong[0x10000 / 64];
            for (var code = 0x300; code < 0x10000; code++)
            {
                var c = (char)code;
                if (char.IsSurrogate(c) || code is >= 0x1100 and <= 0x11FF || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned)
                {
                    continue;
                }

                var alone = c.ToString();
                if (alone.IsNormalized(NormalizationForm.FormC) && (alone + "\u0334").IsNormalized(NormalizationForm.FormC))
                {
                    bits[code >> 6] |= 1UL << code;
                }
            }

            return bits;
        }
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
    /// <remarks>
    /// Only ever removes characters: the lines are moved down within <paramref name="working"/> when <paramref name="text"/>
    /// is its content, or written to it from the text when it is empty; text with nothing inside to change is only sliced.
    /// Only the lines that need mending are looked at (<see cref="LinesToMend"/> finds them with vectorised searches); the
    /// text between them is copied as it is.
    /// </remarks>
    private static ReadOnlySpan<char> TrimAndCollapseLines(ReadOnlySpan<char> text, ref PooledChars working)
    {
        var kept = AfterBlankLines(text, 0);
        var mending = new LinesToMend();
        if (kept == text.Length || mending.Next(text, kept) < 0)
        {
            // No line inside to mend: at most the end to trim (a file's last line end, nearly always).
            return text[kept..].TrimEnd(" \t\n");
        }

        var inPlace = working.HasArray;
        if (!inPlace)
        {
            working = new PooledChars(text.Length);
        }

        // Writing never overtakes reading: a line moves down by what was removed before it, and a blank-line separator
        // ("\n\n") is written only where at least two line ends were read.
        var output = inPlace ? working.Written : working.Free(text.Length);
        var written = 0;
        while (kept < text.Length && mending.Next(text, kept) is var found and >= 0)
        {
            // The line to mend ends at lineEnd: its trailing white space goes, and so do the blank lines after it.
            var lineEnd = text[found] == '\n' ? found : found + 1;
            var lineStart = text[kept..lineEnd].LastIndexOf('\n') + 1 + kept;
            var contentEnd = lineStart + text[lineStart..lineEnd].TrimEnd(" \t").Length;
            text[kept..contentEnd].CopyTo(output[written..]);
            written += contentEnd - kept;
            // A line of white space only is a blank line: what was copied ends with the line end before it.
            var blank = contentEnd == lineStart;
            var next = lineEnd + 1;
            var afterBlank = AfterBlankLines(text, next);
            blank |= afterBlank > next;
            kept = afterBlank;
            if (kept == text.Length)
            {
                // Nothing but blank lines to the end: the text ends with the content before them.
                while (written > 0 && output[written - 1] == '\n')
                {
                    written--;
                }

                break;
            }

            var lineEnds = written > 0 && output[written - 1] == '\n' ? written > 1 && output[written - 2] == '\n' ? 2 : 1 : 0;
            for (var needed = blank || lineEnds == 2 ? 2 : 1; lineEnds < needed; lineEnds++)
            {
                output[written++] = '\n';
            }
        }

        if (kept < text.Length)
        {
            var rest = text[kept..].TrimEnd(" \t\n");
            rest.CopyTo(output[written..]);
            written += rest.Length;
        }

        if (inPlace)
        {
            working.Truncate(written);
        }
        else
        {
            working.Advance(written);
        }

        return working.Written;
    }

    /// <summary>Where the first line from <paramref name="at"/> (a line's start) with more than white space begins; the text's end when none does.</summary>
    private static int AfterBlankLines(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length)
        {
            var content = text[at..].IndexOfAnyExcept(' ', '\t');
            if (content < 0)
            {
                return text.Length;
            }

            if (text[at + content] != '\n')
            {
                return at;
            }

            at += content + 1;
        }

        return text.Length;
    }

    /// <summary>
    /// Finds, from a position on, the next place a line needs mending: white space before a line end, or a line end
    /// followed by two more. After <see cref="ReplaceCharacters"/> the only white space left is the space, TAB and LF, so a
    /// line ends in white space only before an LF or at the end, and blank lines inside the text show as three LFs in a row.
    /// The three are looked for in one pass (eight characters at a time where vectors are); the place found is kept
    /// until passed, so the text is searched once.
    /// </summary>
    private struct LinesToMend()
    {
        private int _next = -2;

        public int Next(ReadOnlySpan<char> text, int from)
        {
            if (_next == -1 || _next >= from)
            {
                return _next;
            }

            _next = NextFrom(text, from);
            return _next;
        }

        private static int NextFrom(ReadOnlySpan<char> text, int from)
        {
            var at = from;
            if (Vector128.IsHardwareAccelerated)
            {
                ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
                var lineEnd = Vector128.Create((ushort)'\n');
                var space = Vector128.Create((ushort)' ');
                var tab = Vector128.Create((ushort)'\t');
                for (; at + Vector128<ushort>.Count + 2 <= text.Length; at += Vector128<ushort>.Count)
                {
                    var here = Vector128.LoadUnsafe(ref first, (nuint)at);
                    var next = Vector128.LoadUnsafe(ref first, (nuint)(at + 1));
                    var afterNext = Vector128.LoadUnsafe(ref first, (nuint)(at + 2));
                    var found = Vector128.Equals(next, lineEnd)
                        & (Vector128.Equals(here, space) | Vector128.Equals(here, tab) | (Vector128.Equals(here, lineEnd) & Vector128.Equals(afterNext, lineEnd)));
                    if (found != Vector128<ushort>.Zero)
                    {
                        return at + BitOperations.TrailingZeroCount(found.ExtractMostSignificantBits());
                    }
                }
            }

            for (; at + 1 < text.Length; at++)
            {
                if (text[at + 1] == '\n' && (text[at] is ' ' or '\t' || (text[at] == '\n' && at + 2 < text.Length && text[at + 2] == '\n')))
                {
                    return at;
                }
            }

            return -1;
        }
    }
}
