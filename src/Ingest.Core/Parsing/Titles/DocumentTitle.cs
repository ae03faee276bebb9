using System.Text.RegularExpressions;

namespace Ingest.Core.Parsing.Titles;

/// <summary>
/// The headline inside a page's <c>&lt;title&gt;</c>, which usually carries the site's name too: "Headline - Site",
/// "Headline | Section | Site", "Site: Headline". The last separated part is dropped; when too little is left, the first
/// part is dropped instead; a "Site: Headline" title loses what comes before the colon unless a heading on the page
/// carries the whole title. When what is left is four words or fewer (a site name is as likely as a headline), the
/// title stays whole, unless the page names its site: then the part that is the site's name goes. (A heading repeating
/// a part settles nothing: sites put their own name in a heading as often as the headline.) Separators: <c>|</c>, <c>-</c>, <c>–</c>, <c>—</c>, <c>\</c>, <c>/</c>, <c>&gt;</c>, <c>»</c> with spaces around.
/// </summary>
public static partial class DocumentTitle
{
    private const int ShortTitleWords = 4;
    private const int MinWordsLeft = 3;
    private const int MaxSiteNameWordsBeforeColon = 5;

    [GeneratedRegex(@"\s[|\-–—\\/>»]\s", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s[\\/>»]\s", RegexOptions.CultureInvariant)]
    private static partial Regex HierarchicalSeparator();

    [GeneratedRegex(@"^[^|\-–—\\/>»]*[|\-–—\\/>»]", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPart();

    [GeneratedRegex(@"[|\-–—\\/>»]+", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorCharacters();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    /// <summary>
    /// The headline in <paramref name="title"/>; <paramref name="headings"/> are the page's <c>h1</c> and <c>h2</c> texts,
    /// <paramref name="siteNames"/> the names the page gives itself (OpenGraph, JSON-LD publisher), if any.
    /// </summary>
    public static string? Clean(string? title, IEnumerable<string> headings, IEnumerable<string>? siteNames = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var original = WhiteSpace().Replace(title, " ").Trim();
        var current = original;
        var hierarchical = false;
        var separators = Separator().Matches(original);
        if (separators.Count > 0)
        {
            hierarchical = HierarchicalSeparator().IsMatch(original);
            current = original[..separators[^1].Index];
            if (Words(current) < MinWordsLeft)
            {
                current = FirstPart().Replace(original, "", 1);
            }
        }
        else if (original.Contains(": ", StringComparison.Ordinal))
        {
            if (!headings.Any(h => string.Equals(WhiteSpace().Replace(h, " ").Trim(), original, StringComparison.Ordinal)))
            {
                current = original[(original.LastIndexOf(':') + 1)..];
                if (Words(current) < MinWordsLeft)
                {
                    current = original[(original.IndexOf(':', StringComparison.Ordinal) + 1)..];
                }
                else if (Words(original[..original.IndexOf(':', StringComparison.Ordinal)]) > MaxSiteNameWordsBeforeColon)
                {
                    current = original;
                }
            }
        }

        current = WhiteSpace().Replace(current, " ").Trim();
        var words = Words(current);
        if (words <= ShortTitleWords && separators.Count > 0 && WithoutSiteName(original, separators, siteNames ?? []) is { } settled)
        {
            return settled;
        }

        if (words <= ShortTitleWords && (!hierarchical || words != Words(SeparatorCharacters().Replace(original, "")) - 1))
        {
            current = original;
        }

        return current;
    }

    /// <summary>What is left of a separated title once the parts naming the site are gone, when that is one part.</summary>
    private static string? WithoutSiteName(string title, MatchCollection separators, IEnumerable<string> siteNames)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (Match separator in separators)
        {
            parts.Add(title[start..separator.Index].Trim());
            start = separator.Index + separator.Length;
        }

        parts.Add(title[start..].Trim());
        var names = siteNames.Select(n => n.Trim()).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = parts.Where(p => !names.Contains(p)).ToList();
        return kept.Count == 1 && kept.Count < parts.Count ? kept[0] : null;
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
