using System.Text.RegularExpressions;

namespace Ingest.Core.Parsing.Bylines;

/// <summary>
/// Splits an author list (<c>A and B</c>, <c>A, B &amp; C</c>) into names, and tells a name from
/// the start of a sentence (<c>By the end of the year…</c>), so prose is never taken for a byline.
/// </summary>
public static partial class AuthorNames
{
    private const int MaxWordsInName = 6;

    // Lower-case words that belong inside names: "Ludwig van Beethoven", "Ana de Armas".
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "bin", "binti", "al", "el", "ter", "ten", "y",
    };

    // A trailing job title is not a second author: "By Jane Ortega, Science Correspondent".
    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Correspondent", "Editor", "Reporter", "Writer", "Contributor", "Columnist", "Analyst", "Producer", "Staff",
    };

    [GeneratedRegex(@"\s*,\s*|\s+and\s+|\s*&\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();

    /// <summary>The names in <paramref name="text"/>, or null when any part of it is not a name.</summary>
    public static IReadOnlyList<string>? TrySplit(string text)
    {
        var names = new List<string>();
        foreach (var part in Separator().Split(text.Trim()))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Roles.Contains(words[^1]))
            {
                continue;
            }

            if (!IsName(words))
            {
                return null;
            }

            names.Add(string.Join(' ', words));
        }

        return names.Count > 0 ? names : null;
    }

    private static bool IsName(string[] words) =>
        words.Length <= MaxWordsInName
        && CapitalisedWord().IsMatch(words[0])
        && words.All(w => CapitalisedWord().IsMatch(w) || NameParticles.Contains(w));
}
