using System.Text.RegularExpressions;
using Ingest.Core.Parsing.Dates;

namespace Ingest.Core.Parsing.Bylines;

/// <summary>
/// Reads byline lines in their common shapes:
/// <c>In Iran News by Newsroom January 20, 2026</c>,
/// <c>By A and B | Published 3 March 2025 | Updated 4 March 2025</c>,
/// <c>Written by A and B · 4 min read · March 3, 2025</c>,
/// <c>By Mateo Lindqvist, 28 March 2025</c>,
/// and the date-only lines that stand where a byline would (<c>Published 3 March 2025</c>).
/// </summary>
public static partial class BylineParser
{
    private const int MaxLineLength = 250;

    /// <summary>What may stand before a date segment's date: its kind ("Published on:", "Updated").</summary>
    private const string DateKind = @"(?:(?<kind>Published|Posted|First published|Updated|Last updated|Modified)(?:\s+on)?\s*:?\s*)?";

    /// <summary>How a reading-time segment ("4 min read", "12-minute read") begins.</summary>
    private const string ReadingTimeStart = @"\d+\s*(?:-|\s)?min";

    /// <summary>Decoration that may stand before a byline ("// By …", "— By …").</summary>
    private static readonly char[] LeadingDecoration = ['/', '-', '—', '–', '·', '•', ' '];

    /// <summary>The first letters of <see cref="BylineStart"/>'s openings ("In …", "Written by", "By" and the like): a line opening otherwise is not tried.</summary>
    private const string BylineOpenings = "IWRSTBb";

    [GeneratedRegex(@"^(?:In\s+(?<category>\p{Lu}[^|·•]{0,60}?)\s+)?(?:(?:Written|Words|Reporting|Story|Text)\s+)?[Bb]y\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"\s*[|·•]\s*|\s+[—–-]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentSeparator();

    [GeneratedRegex(@"^(?<authors>.+?)[,\s]+(?<date>" + EnglishDate.Pattern + @")(?::?,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+\p{Lu}{2,4})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorsThenDate();

    /// <summary>What pages set beside a name that is not part of it: a social handle (<c>@jane</c>), a role in brackets (<c>(photography)</c>).</summary>
    [GeneratedRegex(@"\s*(?:@\w+|\([^()]{1,40}\))", RegexOptions.CultureInvariant)]
    private static partial Regex BesideTheName();

    [GeneratedRegex("^" + DateKind + "(?<date>" + EnglishDate.Pattern + @")(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateSegment();

    [GeneratedRegex("^" + ReadingTimeStart + @"(?:ute)?s?\.?\s+read$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTimeSegment();

    /// <summary>What a line of dates only opens with: a date (after its kind) or a reading time, separators before it aside.</summary>
    [GeneratedRegex(@"^[|·•\s]*(?:" + DateKind + EnglishDate.Pattern + "|" + ReadingTimeStart + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartsWithDateOrReadingTime();

    /// <summary>The byline that <paramref name="line"/> is, or null when it is anything else.</summary>
    public static Byline? TryParse(string line)
    {
        // Decoration before the byline ("// By …", "— By …") is not part of it.
        line = line.Trim().TrimStart(LeadingDecoration);
        if (line.Length == 0 || line.Length > MaxLineLength)
        {
            return null;
        }

        var start = BylineOpenings.Contains(line[0]) ? BylineStart().Match(line) : Match.Empty;
        return start.Success
            ? ParseAuthored(start.Groups["rest"].Value, start.Groups["category"].Success ? start.Groups["category"].Value.Trim() : null)
            : ParseDatesOnly(line);
    }

    private static Byline? ParseAuthored(string rest, string? category)
    {
        var segments = SegmentSeparator().Split(BesideTheName().Replace(rest, ""));
        var authorsText = segments[0];
        DateOnly? published = null;
        DateOnly? updated = null;

        var trailingDate = AuthorsThenDate().Match(authorsText);
        if (trailingDate.Success && EnglishDate.TryFromGroups(trailingDate.Groups, out var date))
        {
            authorsText = trailingDate.Groups["authors"].Value;
            published = date;
        }

        var authors = AuthorNames.TrySplit(authorsText);
        if (authors is null || !TryReadDateSegments(segments.AsSpan(1), ref published, ref updated, allowUnknown: true))
        {
            return null;
        }

        return new Byline(authors, category, published, updated);
    }

    private static Byline? ParseDatesOnly(string line)
    {
        // Every date form has a year in digits: most lines have none and are not read further.
        if (!line.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return null;
        }

        // Every segment must be a date or a reading time, the first one too: a line of prose is given up at its start.
        if (!StartsWithDateOrReadingTime().IsMatch(line))
        {
            return null;
        }

        DateOnly? published = null;
        DateOnly? updated = null;
        var segments = SegmentSeparator().Split(line);
        return TryReadDateSegments(segments, ref published, ref updated, allowUnknown: false) && (published ?? updated) is not null
            ? new Byline([], null, published, updated)
            : null;
    }

    /// <summary>Reads "Published …", "Updated …", bare dates and "4 min read"; other segments are ignored when <paramref name="allowUnknown"/>.</summary>
    private static bool TryReadDateSegments(ReadOnlySpan<string> segments, ref DateOnly? published, ref DateOnly? updated, bool allowUnknown)
    {
        foreach (var segment in segments)
        {
            var text = segment.Trim();
            if (text.Length == 0 || ReadingTimeSegment().IsMatch(text))
            {
                continue;
            }

            var match = DateSegment().Match(text);
            if (!match.Success || !EnglishDate.TryFromGroups(match.Groups, out var date))
            {
                if (!allowUnknown)
                {
                    return false;
                }

                continue;
            }

            var isUpdate = match.Groups["kind"].Value.ToUpperInvariant() is "UPDATED" or "LAST UPDATED" or "MODIFIED";
            if (isUpdate)
            {
                updated ??= date;
            }
            else
            {
                published ??= date;
            }
        }

        return true;
    }
}
