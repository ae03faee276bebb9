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
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li",
    };

    [GeneratedRegex(@"<(?<close>/?)(?<name>[a-zA-Z][a-zA-Z0-9-]{0,30})(?:\s[^<>]*)?(?<self>/?)>", RegexOptions.CultureInvariant)]
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

    /// <summary>+1 for a start tag that opens an element, −1 for an end tag, 0 for void and self-closed ones (and <c>p</c>/<c>li</c>, whose ends are optional).</summary>
    private static int DepthChange(Match tag) =>
        VoidElements.Contains(tag.Groups["name"].Value) || tag.Groups["self"].Length > 0 ? 0
        : tag.Groups["close"].Length > 0 ? -1
        : 1;
}
