using Ingest.Core.Normalisation;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// The text AngleSharp is given for a page: the page itself, less two things no reader needs that cost parsing. Tags nested
/// past the limit are dropped, their text kept: an HTML5 tree builder checks the stack of open elements at each start tag,
/// so 50,000 nested <c>div</c>s take seconds. And what scripts and styles hold is left out, their tags kept: nothing reads
/// it but JSON-LD (kept), and it is over a third of a real page's characters, each script a text node's copy once parsed.
/// One linear scan from tag to tag writes the rest into a pooled buffer. Comments and the content of raw-text elements
/// (scripts, styles…) hold no tags however they look.
/// </summary>
internal static class ParseInput
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
    private static readonly ulong ScriptKey = KeyOf("script");
    private static readonly ulong StyleKey = KeyOf("style");

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

    /// <summary>
    /// The page as the parser is to read it (see the type's summary), in a pooled buffer the caller disposes of once the parsed
    /// document is no longer read (<see cref="PageParser.Parse(ReadOnlyMemory{char})"/> keeps none of its characters).
    /// </summary>
    public static PooledChars Of(string html, int maxDepth)
    {
        var output = new PooledChars(html.Length);
        var depth = 0;

        // What is kept is copied in runs: from the end of the last part left out to the start of the next.
        var keptFrom = 0;
        for (var found = NextTag(html, 0); found is { } tag; found = NextTag(html, tag.End))
        {
            var kept = tag.DepthChange > 0 ? depth < maxDepth : depth <= maxDepth;
            var (leftOut, leftOutLength) = kept ? (tag.UnreadStart, tag.UnreadLength) : (tag.Index, tag.Length);
            if (leftOutLength > 0)
            {
                output.Append(html.AsSpan(keptFrom, leftOut - keptFrom));
                keptFrom = leftOut + leftOutLength;
            }

            depth = Math.Max(0, depth + tag.DepthChange);
        }

        output.Append(html.AsSpan(keptFrom));
        return output;
    }

    /// <summary>
    /// A tag, comment or raw-text element found by <see cref="NextTag"/>: where it is, what it does to the nesting — +1
    /// for a start tag that opens an element, −1 for an end tag, 0 for void, self-closed and optional-end elements,
    /// comments and raw text — and what of it the parser need not read (what a script or style holds; none for the rest).
    /// </summary>
    private readonly record struct Tag(int Index, int Length, int DepthChange, int UnreadStart, int UnreadLength)
    {
        public Tag(int index, int length, int depthChange)
            : this(index, length, depthChange, index + length, 0)
        {
        }

        public int End => Index + Length;
    }

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

        var name = span.Slice(nameStart, nameLength);
        var key = KeyOf(name);
        if (!close && RawTextKeys.Contains(key))
        {
            return ReadRawTextElement(html, at, nameStart + nameLength, name, key);
        }

        // Any other tag only moves the depth count: its end is found with one vectorised search, not read attribute by attribute
        // as a raw-text element's start tag is (a quoted '>' ends it here, and a '<' before the end makes it no tag).
        var tagEnd = span[(nameStart + nameLength)..].IndexOfAny('<', '>');
        if (tagEnd < 0 || span[nameStart + nameLength + tagEnd] == '<')
        {
            return null;
        }

        var length = nameStart + nameLength + tagEnd + 1;
        var depthChange = NotNestingKeys.Contains(key) || span[length - 2] == '/' ? 0 : close ? -1 : 1;
        return new Tag(at, length, depthChange);
    }

    /// <summary>
    /// A raw-text element (a script, a style…) from its start tag to its end tag, its content text whatever it holds; a start
    /// tag whose end tag never comes opens an element as any other does.
    /// </summary>
    private static Tag? ReadRawTextElement(string html, int at, int afterName, ReadOnlySpan<char> name, ulong key)
    {
        // The content starts where the parser ends the start tag: a '>' in a quoted attribute value does not end it.
        var startLength = StartTagLength(html.AsSpan(at), afterName);
        if (startLength < 0)
        {
            return null;
        }

        var content = html.AsSpan(at + startLength);
        var endTag = IndexOfEndTag(content, name);
        if (endTag < 0)
        {
            return new Tag(at, startLength, 1);
        }

        var endClose = html.IndexOf('>', at + startLength + endTag);
        return endClose < 0 ? null
            : IsUnread(key, html.AsSpan(at, startLength), content[..endTag]) ? new Tag(at, endClose + 1 - at, 0, at + startLength, endTag)
            : new Tag(at, endClose + 1 - at, 0);
    }

    private enum InStartTag
    {
        BeforeAttributeName,
        AttributeName,
        AfterAttributeName,
        BeforeAttributeValue,
        UnquotedAttributeValue,
    }

    /// <summary>
    /// The length of the start tag at the beginning of <paramref name="tag"/>, read from after its name as HTML's tokenizer
    /// reads attributes: a quoted value runs to its closing quote, whatever it holds. -1 when the tag never ends.
    /// </summary>
    private static int StartTagLength(ReadOnlySpan<char> tag, int afterName)
    {
        var state = InStartTag.BeforeAttributeName;
        for (var i = afterName; i < tag.Length; i++)
        {
            var c = tag[i];
            if (state == InStartTag.BeforeAttributeValue && c is '"' or '\'')
            {
                // A quoted value runs to its closing quote, '>' and all.
                var closing = tag[(i + 1)..].IndexOf(c);
                if (closing < 0)
                {
                    return -1;
                }

                i += closing + 1;
                state = InStartTag.BeforeAttributeName;
                continue;
            }

            if (c == '>')
            {
                return i + 1;
            }

            var space = c is ' ' or '\t' or '\n' or '\f' or '\r';
            state = (state, c) switch
            {
                (InStartTag.BeforeAttributeValue, _) => space ? state : InStartTag.UnquotedAttributeValue,
                (InStartTag.UnquotedAttributeValue, _) => space ? InStartTag.BeforeAttributeName : state,
                (InStartTag.AttributeName or InStartTag.AfterAttributeName, '=') => InStartTag.BeforeAttributeValue,
                (_, '/') => InStartTag.BeforeAttributeName,
                (InStartTag.AttributeName, _) => space ? InStartTag.AfterAttributeName : state,
                // Before or after a name, anything else starts one ('=' too, where no name stands before it).
                _ => space ? state : InStartTag.AttributeName,
            };
        }

        return -1;
    }

    /// <summary>
    /// Whether the parser need not read what a raw-text element holds: a style's rules, a script's code but JSON-LD's.
    /// A script holding <c>&lt;!--</c> is read whole: there an end tag may not end it (the tokenizer's escaped states).
    /// </summary>
    private static bool IsUnread(ulong key, ReadOnlySpan<char> startTag, ReadOnlySpan<char> content) =>
        (key == StyleKey || (key == ScriptKey && !startTag.Contains("ld+json", StringComparison.OrdinalIgnoreCase)))
        && !content.Contains("<!--", StringComparison.Ordinal);

    /// <summary>
    /// Where the end tag <c>&lt;/name</c> first stands in <paramref name="text"/>, the name in any case and followed by white
    /// space, <c>/</c> or <c>&gt;</c> (<c>&lt;/scripts</c> ends no script); -1 when nowhere. Found from one
    /// <c>&lt;/</c> to the next with an ordinal search (a case-blind search for the whole end tag is several times slower,
    /// and scripts and styles are a third of a page).
    /// </summary>
    private static int IndexOfEndTag(ReadOnlySpan<char> text, ReadOnlySpan<char> name)
    {
        var offset = 0;
        for (var at = text.IndexOf("</"); at >= 0; at = text[offset..].IndexOf("</"))
        {
            var start = offset + at;
            var after = start + 2 + name.Length;
            if (text[(start + 2)..].StartsWith(name, StringComparison.OrdinalIgnoreCase) && after < text.Length
                && text[after] is '>' or '/' or ' ' or '\t' or '\n' or '\f')
            {
                return start;
            }

            offset = start + 2;
        }

        return -1;
    }
}
