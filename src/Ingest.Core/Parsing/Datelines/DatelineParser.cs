using System.Text.RegularExpressions;
using Ingest.Core.Model;
using Ingest.Core.Parsing.Dates;

namespace Ingest.Core.Parsing.Datelines;

/// <summary>
/// Reads the dateline that opens a story's first paragraph, in the shapes news copy uses:
/// <c>Tehran (Brussels Morning Newspaper) 20 January 2026 – …</c>,
/// <c>GENEVA, Aug 14 (Reuters) - …</c>, <c>LONDON (AP) — …</c> and a bare <c>Kestrel Bay — …</c>.
/// The paragraph itself is left whole.
/// </summary>
public static partial class DatelineParser
{
    // One to five words of a place name; each starts with a capital ("Port Aveline", "WASHINGTON, D.C.").
    private const string Place = @"\p{Lu}[\p{L}\p{M}'’.]*(?:[ -]\p{Lu}[\p{L}\p{M}'’.]*){0,4}";
    private const string Location = @"(?<location>" + Place + @"(?:,\s*" + Place + @")?)";
    private const string Publisher = @"\((?<publisher>[^()]{2,60})\)";
    private const string Dash = @"\s*[–—-]+\s+(?=\S)";

    // Tehran (Brussels Morning Newspaper) 20 January 2026 – …   /   LONDON (AP) — …
    [GeneratedRegex("^" + Location + @"\s*" + Publisher + @"\s*,?\s*(?:(?<date>" + EnglishDate.Pattern + @")\s*)?" + Dash, RegexOptions.CultureInvariant)]
    private static partial Regex PlacePublisherDate();

    // GENEVA, Aug 14 (Reuters) - …   (the year is often left out)
    [GeneratedRegex("^" + Location + @",\s+(?:(?<date>" + EnglishDate.Pattern + @")|" + EnglishDate.MonthPattern + @"\s+(?<day>[0-3]?\d))\s+" + Publisher + Dash, RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDatePublisher();

    // Kestrel Bay — …   (a long dash, or any dash after a place in capitals)
    [GeneratedRegex(@"^(?:(?<location>" + Place + @")\s*[–—]\s+|(?<location>\p{Lu}[\p{Lu}\p{M}'’. ]*\p{Lu})\s+-\s+)(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceOnly();

    /// <param name="paragraph">The first paragraph of the story.</param>
    /// <param name="fallbackYear">The year for a dateline that gives only month and day, usually the publication year.</param>
    public static Dateline? TryParse(string paragraph, int? fallbackYear = null)
    {
        foreach (var regex in (ReadOnlySpan<Regex>)[PlacePublisherDate(), PlaceDatePublisher(), PlaceOnly()])
        {
            var match = regex.Match(paragraph);
            if (!match.Success)
            {
                continue;
            }

            DateOnly? date = EnglishDate.TryFromGroups(match.Groups, out var parsed, fallbackYear) ? parsed : null;
            var publisher = match.Groups["publisher"].Success ? match.Groups["publisher"].Value.Trim() : null;
            return new Dateline(match.Groups["location"].Value.Trim(), publisher, date);
        }

        return null;
    }
}
