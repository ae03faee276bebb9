using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Api;

/// <summary>Reads query parameters strictly: a value that is present but malformed is an error, never a silent default.</summary>
internal static class QueryValues
{
    private const int MaxTextLength = 1_024;

    public static string? Text(HttpRequest request, string name, out string? error)
    {
        error = null;
        var values = request.Query[name];
        if (values.Count > 1)
        {
            error = $"'{name}' may be given once.";
            return null;
        }

        var value = values.Count == 0 ? null : values[0];
        if (value is { Length: > MaxTextLength })
        {
            error = $"'{name}' is longer than {MaxTextLength} characters.";
            return null;
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    public static int? Int(HttpRequest request, string name, int min, int max, out string? error)
    {
        var text = Text(request, name, out error);
        if (text is null || error is not null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            error = $"'{name}' must be a whole number from {min} to {max}.";
            return null;
        }

        return value;
    }

    public static DateOnly? Date(HttpRequest request, string name, out string? error)
    {
        var text = Text(request, name, out error);
        if (text is null || error is not null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            error = $"'{name}' must be an ISO date (YYYY-MM-DD).";
            return null;
        }

        return value;
    }
}
