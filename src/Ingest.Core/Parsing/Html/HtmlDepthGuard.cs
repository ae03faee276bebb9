using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// Keeps pathologically deep markup from costing quadratic time: an HTML5 tree builder checks the stack of open
/// elements at each start tag, so 50,000 nested <c>div</c>s take seconds to parse. One linear scan measures the nesting;
/// only when it is deeper than the limit are the tags past the limit dropped (their text kept) before parsing.
/// </summary>
internal static partial class HtmlDepthGuard
{
    /// <summary>Void elements, and elements whose end tag may be left out (so that a page leaving them open is not taken for deep).</summary>
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "option",
        "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    };

    /// <summary>A tag; or a comment, or an element whose content is raw text (script, style…), which hold no tags however they look.</summary>
    [GeneratedRegex(@"<!--.*?-->|<(?<raw>script|style|textarea|title|xmp|template)\b[^>]*>.*?</\k<raw>\s*>|<(?<close>/?)(?<name>[a-zA-Z][a-zA-Z0-9-]{0,30})(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    public static string Flatten(string html, int maxDepth)
    {
        if (!IsDeeperThan(html, maxDepth))
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var depth = 0;
        var last = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            var change = DepthChange(tag);
            var kept = change > 0 ? depth < maxDepth : depth <= maxDepth;
            output.Append(html, last, tag.Index - last);
            if (kept)
            {
                output.Append(tag.Value);
            }

            depth = Math.Max(0, depth + change);
            last = tag.Index + tag.Length;
        }

        return output.Append(html, last, html.Length - last).ToString();
    }

    private static bool IsDeeperThan(string html, int maxDepth)
    {
        var depth = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            depth = Math.Max(0, depth + DepthChange(tag));
            if (depth > maxDepth)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>+1 for a start tag that opens an element, −1 for an end tag, 0 for void and self-closed ones, those whose ends are optional, comments and raw text.</summary>
    private static int DepthChange(Match tag) =>
        !tag.Groups["name"].Success || NotNesting.Contains(tag.Groups["name"].Value) || tag.ValueSpan.EndsWith("/>") ? 0
        : tag.Groups["close"].Length > 0 ? -1
        : 1;
}
