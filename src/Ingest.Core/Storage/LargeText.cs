using Azure.Data.Tables;

namespace Ingest.Core.Storage;

/// <summary>
/// Keeps text of any length within Table Storage's limits: a string property holds at most
/// 64 KiB (32,000 UTF-16 characters), so longer text is cut into numbered properties
/// (<c>Json0</c>, <c>Json1</c>, …) and, past what one entity may hold, into several rows.
/// </summary>
internal static class LargeText
{
    /// <summary>Characters per property, under the 32,000 a property may hold.</summary>
    public const int MaxCharsPerProperty = 30_000;

    /// <summary>Properties of text per row: 12 × 30,000 characters × 2 bytes ≈ 720 KB, well under the 1 MiB an entity may hold.</summary>
    public const int MaxPropertiesPerRow = 12;

    public const int MaxCharsPerRow = MaxCharsPerProperty * MaxPropertiesPerRow;

    /// <summary>Cuts <paramref name="text"/> into pieces of at most <paramref name="maxChars"/>, never between the halves of a surrogate pair.</summary>
    public static IEnumerable<string> Chunk(string text, int maxChars)
    {
        for (var start = 0; start < text.Length;)
        {
            var length = FirstPieceLength(text.AsSpan(start), maxChars);
            yield return text.Substring(start, length);
            start += length;
        }
    }

    /// <summary>
    /// How long the first piece of <paramref name="rest"/> is when it is cut at <paramref name="maxChars"/>: all of it when
    /// it fits, else one character short when the cut would fall between the halves of a surrogate pair.
    /// </summary>
    public static int FirstPieceLength(ReadOnlySpan<char> rest, int maxChars) =>
        rest.Length <= maxChars ? rest.Length
        : char.IsHighSurrogate(rest[maxChars - 1]) ? maxChars - 1
        : maxChars;

    /// <summary>Writes at most <see cref="MaxCharsPerRow"/> characters into <paramref name="entity"/> as <c>{name}0…{name}N</c> and <c>{name}Parts</c>.</summary>
    public static void Write(TableEntity entity, string name, string text) => Write(entity, name, Chunk(text, MaxCharsPerProperty).ToList());

    /// <summary>
    /// Writes pieces of text cut as <see cref="Chunk"/> cuts them (<see cref="JsonPieces"/>), at most
    /// <see cref="MaxPropertiesPerRow"/>, into <paramref name="entity"/> as <c>{name}0…{name}N</c> and <c>{name}Parts</c>.
    /// </summary>
    public static void Write(TableEntity entity, string name, IReadOnlyList<string> pieces)
    {
        if (pieces.Count > MaxPropertiesPerRow)
        {
            throw new ArgumentException($"Text in {pieces.Count} pieces does not fit one row (at most {MaxPropertiesPerRow}).", nameof(pieces));
        }

        for (var part = 0; part < pieces.Count; part++)
        {
            entity[name + part] = pieces[part];
        }

        entity[name + "Parts"] = pieces.Count;
    }

    public static string? Read(TableEntity entity, string name)
    {
        var parts = entity.GetInt32(name + "Parts");
        if (parts is null)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, parts.Value).Select(i => entity.GetString(name + i)));
    }
}
