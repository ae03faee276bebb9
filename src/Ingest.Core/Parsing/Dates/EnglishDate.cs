using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Core.Parsing.Dates;

/// <summary>
/// Dates as English news pages write them: <c>January 20, 2026</c>, <c>Jan. 20, 2026</c>,
/// <c>20 January 2026</c>, <c>20th of January, 2026</c>, <c>Tuesday, January 20, 2026</c>,
/// <c>2026-01-20</c> and ISO date-times.
/// </summary>
public static partial class EnglishDate
{
    /// <summary>A month name or its abbreviation, in group <c>month</c>.</summary>
    public const string MonthPattern =
        @"(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    private const string DayPattern = @"(?<day>[0-3]?\d)(?:st|nd|rd|th)?";
    private const string WeekdayPattern = @"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?";

    /// <summary>One date in any supported form; compose it into larger patterns and read it back with <see cref="TryParse"/>.</summary>
    public const string Pattern =
        WeekdayPattern +
        @"(?:" + MonthPattern + @"\s+" + DayPattern + @",?\s+(?<year>\d{4})" +
        @"|" + DayPattern + @"\s+(?:of\s+)?" + MonthPattern + @",?\s+(?<year>\d{4})" +
        @"|(?<year>\d{4})-(?<monthNumber>[01]\d)-(?<day>[0-3]\d)(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?)";

    [GeneratedRegex("^" + Pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeDate();

    /// <summary>Reads a string that is exactly one date (surrounding white space allowed).</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return false;
        }

        var match = WholeDate().Match(text.Trim());
        return match.Success && TryFromGroups(match.Groups, out date);
    }

    /// <summary>Reads the date captured by <see cref="Pattern"/> (or the month and day groups of a shorter pattern) inside a larger match.</summary>
    public static bool TryFromGroups(GroupCollection groups, out DateOnly date, int? fallbackYear = null)
    {
        date = default;
        var month = groups["monthNumber"].Success
            ? int.Parse(groups["monthNumber"].ValueSpan, CultureInfo.InvariantCulture)
            : MonthNumber(groups["month"].Value);
        var year = groups["year"].Success ? int.Parse(groups["year"].ValueSpan, CultureInfo.InvariantCulture) : fallbackYear;
        if (month is < 1 or > 12 || year is null || !groups["day"].Success)
        {
            return false;
        }

        var day = int.Parse(groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year.Value, month))
        {
            return false;
        }

        date = new DateOnly(year.Value, month, day);
        return true;
    }

    private static int MonthNumber(string name) =>
        name.Length < 3 ? 0 : name[..3].ToUpperInvariant() switch
        {
            "JAN" => 1,
            "FEB" => 2,
            "MAR" => 3,
            "APR" => 4,
            "MAY" => 5,
            "JUN" => 6,
            "JUL" => 7,
            "AUG" => 8,
            "SEP" => 9,
            "OCT" => 10,
            "NOV" => 11,
            "DEC" => 12,
            _ => 0,
        };
}
