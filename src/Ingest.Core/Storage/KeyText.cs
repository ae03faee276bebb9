using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Storage;

/// <summary>
/// Makes free text (a category, an author) usable inside a Table Storage key: case-folded,
/// with the characters keys forbid (<c>/ \ # ?</c>, control characters), the separator
/// <c>|</c> and <c>%</c> itself percent-encoded, and bounded in length.
/// </summary>
internal static class KeyText
{
    private const int MaxLength = 200;

    public static string Escape(string value)
    {
        var folded = value.Trim().ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in folded.EnumerateRunes())
        {
            if (rune.Value is '/' or '\\' or '#' or '?' or '|' or '%' || Rune.IsControl(rune) || rune.Value is >= 0x7F and <= 0x9F)
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var escaped = builder.ToString();
        if (escaped.Length <= MaxLength)
        {
            return escaped;
        }

        // Long values keep a readable head and a hash of the whole, so distinct values stay distinct.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(escaped)))[..16];
        var head = MaxLength - 17;
        if (char.IsHighSurrogate(escaped[head - 1]))
        {
            head--;
        }

        return escaped[..head] + "~" + hash;
    }
}
