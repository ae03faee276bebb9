using System.Text;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// Keeps pathologically deep markup from costing quadratic time: an HTML5 tree builder checks the stack of open
/// elements at each start tag, so 50,000 nested <c>div</c>s take seconds to parse. One linear scan measures the nesting;
/// only when it is deeper than the limit are the tags past the limit dropped (their text kept) before parsing.
/// Comments and the content of raw-text elements (scripts, styles…) hold no tags however they look.
/// </summary>
internal static class HtmlDepthGuard
{
    /// <summary>Void elements, and elements whose end tag may be left out (so that a page leaving them open is not taken for deep).</summary>
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "option",
        "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "template" };

    // Looked up by a name's key (<see cref="KeyOf"/>) rather than by a case-blind hash of its text: a page has thousands of tags.
    private static readonly HashSet<ulong> NotNestingKeys = [.. NotNesting.Select(n => KeyOf(n))];
    private static readonly HashSet<ulong> RawTextKeys = [.. RawText.Select(n => KeyOf(n))];

    /// <summary>A tag name of up to eight ASCII letters, digits and hyphens as one number, its letters lower-cased; 0 for a longer one (no name in either set is).</summary>
    private static ulong KeyOf(ReadOnlySpan<char> name)
    {
        if (name.Length > 8)
        {
            return 0;
        }

        var key = 0UL;
        foreach (var c in name)
        {
            key = (key << 8) | (byte)(c | 0x20);
        }

        return key;
    }

    private const int MaxNameLength = 31;

    public static string Flatten(string html, int maxDepth)
    {
        if (!IsDeeperThan(html, maxDepth))
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var depth = 0;
        var last = 0;
        for (var found = NextTag(html, 0); found is { } tag; found = NextTag(html, tag.Index + tag.Length))
        {
            var kept = tag.DepthChange > 0 ? depth < maxDepth : depth <= maxDepth;
            output.Append(html, last, tag.Index - last);
            if (kept)
            {
                output.Append(html, tag.Index, tag.Length);
            }

            depth = Math.Max(0, depth + tag.DepthChange);
            last = tag.Index + tag.Length;
        }

        return output.Append(html, last, html.Length - last).ToString();
    }

    private static bool IsDeeperThan(string html, int maxDepth)
    {
        var depth = 0;
        for (var found = NextTag(html, 0); found is { } tag; found = NextTag(html, tag.Index + tag.Length))
        {
            depth = Math.Max(0, depth + tag.DepthChange);
            if (depth > maxDepth)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A tag, comment or raw-text element found by <see cref="NextTag"/>: where it is, and what it does to the nesting — +1
    /// for a start tag that opens an element, −1 for an end tag, 0 for void, self-closed and optional-end elements,
    /// comments and raw text.
    /// </summary>
    private readonly record struct Tag(int Index, int Length, int DepthChange);

    /// <summary>The first tag at or after <paramref name="from"/>, found by a scan from one <c>&lt;</c> to the next; null when there is none.</summary>
    private static Tag? NextTag(string html, int from)
    {
        for (var at = html.IndexOf('<', from); at >= 0 && at < html.Length - 1; at = html.IndexOf('<', at + 1))
        {
            if (ReadTag(html, at) is { } tag)
            {
                return tag;
            }
        }

        return null;
    }

    private static Tag? ReadTag(string html, int at)
    {
        var span = html.AsSpan(at);
        if (span.StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return end < 0 ? null : new Tag(at, end + 3 - at, 0);
        }

        var close = span.Length > 1 && span[1] == '/';
        var nameStart = close ? 2 : 1;
        var nameLength = 0;
        while (nameStart + nameLength < span.Length && nameLength < MaxNameLength
               && (char.IsAsciiLetter(span[nameStart + nameLength]) || (nameLength > 0 && (char.IsAsciiDigit(span[nameStart + nameLength]) || span[nameStart + nameLength] == '-'))))
        {
            nameLength++;
        }

        if (nameLength == 0 || nameStart + nameLength >= span.Length || span[nameStart + nameLength] is not ('>' or '/' or ' ' or '\t' or '\n'))
        {
            return null;
        }

        var tagEnd = span[(nameStart + nameLength)..].IndexOfAny('<', '>');
        if (tagEnd < 0 || span[nameStart + nameLength + tagEnd] == '<')
        {
            return null;
        }

        var length = nameStart + nameLength + tagEnd + 1;
        var name = span.Slice(nameStart, nameLength);
        var key = KeyOf(name);
        if (!close && RawTextKeys.Contains(key))
        {
            // The element's content is text up to its end tag: skip it whole.
            var endTag = IndexOfEndTag(html.AsSpan(at + length), name);
            if (endTag >= 0)
            {
                var endClose = html.IndexOf('>', at + length + endTag);
                return endClose < 0 ? null : new Tag(at, endClose + 1 - at, 0);
            }
        }

        var depthChange = NotNestingKeys.Contains(key) || span[length - 2] == '/' ? 0 : close ? -1 : 1;
        return new Tag(at, length, depthChange);
    }

    /// <summary>
    /// Where <c>&lt;/name</c> first stands in <paramref name="text"/>, the name in any case; -1 when nowhere. Found from one
    /// <c>&lt;/</c> to the next with an ordinal search (a case-blind search for the whole end tag is several times slower,
    /// and scripts and styles are a third of a page).
    /// </summary>
    private static int IndexOfEndTag(ReadOnlySpan<char> text, ReadOnlySpan<char> name)
    {
        var offset = 0;
        for (var at = text.IndexOf("</"); at >= 0; at = text[offset..].IndexOf("</"))
        {
            var start = offset + at;
            if (text[(start + 2)..].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return start;
            }

            offset = start + 2;
        }

        return -1;
    }
}
