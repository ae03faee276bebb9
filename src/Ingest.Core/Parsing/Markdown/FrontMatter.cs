using System.Globalization;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Ingest.Core.Parsing.Markdown;

/// <summary>
/// The front matter that opens a Markdown file: YAML between <c>---</c> lines or TOML between <c>+++</c> lines, read
/// into plain values (strings, lists, dates). Front matter never closed, or longer than the limit, is not front matter:
/// the file is read as Markdown from its first line.
/// </summary>
internal static class FrontMatter
{
    public static (IReadOnlyDictionary<string, object?> Fields, string Body) Split(string text, int maxChars)
    {
        var empty = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var fence = text.StartsWith("---\n", StringComparison.Ordinal) ? "---" : text.StartsWith("+++\n", StringComparison.Ordinal) ? "+++" : null;
        if (fence is null)
        {
            return (empty, text);
        }

        var searchLength = Math.Min(text.Length - 4, maxChars);
        var close = text.IndexOf("\n" + fence, 3, searchLength, StringComparison.Ordinal);
        if (close < 0 || (close + 4 < text.Length && text[close + 4] != '\n'))
        {
            return (empty, text);
        }

        var source = text[4..(close + 1)];
        var body = close + 4 < text.Length ? text[(close + 5)..] : "";
        try
        {
            return (fence == "---" ? ReadYaml(source) : ReadToml(source), body);
        }
        catch (Exception exception) when (exception is YamlException or TomlException or InvalidCastException or FormatException)
        {
            // Malformed front matter: its fields are unknown, but it is still not part of the body.
            return (empty, body);
        }
    }

    private static Dictionary<string, object?> ReadYaml(string yaml)
    {
        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(yaml) ?? [];
        return values.ToDictionary(kv => kv.Key, kv => Plain(kv.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, object?> ReadToml(string toml)
    {
        var table = TomlSerializer.Deserialize<TomlTable>(toml) ?? [];
        return table.ToDictionary(kv => kv.Key, kv => Plain(kv.Value), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Scalars as strings (dates in ISO form), sequences as lists of those; nested tables are of no use here.</summary>
    private static object? Plain(object? value) => value switch
    {
        null => null,
        string s => s,
        TomlDateTime t => t.ToString(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        System.Collections.IDictionary => null,
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Plain).OfType<string>().ToList(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
