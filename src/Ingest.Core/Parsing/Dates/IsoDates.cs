using System.Globalization;

namespace Ingest.Core.Parsing.Dates;

/// <summary>Dates as the contract writes them: <c>YYYY-MM-DD</c>, or an ISO 8601 date-time where the source has the time.</summary>
public static class IsoDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a machine date (<c>2025-02-19</c>, <c>2025-02-19T11:42:00Z</c>, <c>2025-04-24T15:20:00+01:00</c>) or an English one.
    /// <paramref name="date"/> is the calendar date as written (not moved to UTC); <paramref name="iso"/> keeps the time when there is one.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date, out string iso)
    {
        date = default;
        iso = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return false;
        }

        text = text.Trim();
        if (text.Length > 10 && text[10] is 'T' or ' '
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            iso = instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            return true;
        }

        if (EnglishDate.TryParse(text, out date))
        {
            iso = Format(date);
            return true;
        }

        return false;
    }
}
