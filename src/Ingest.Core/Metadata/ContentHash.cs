using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Metadata;

/// <summary>SHA-256 of the normalised text, as lowercase hex: two files that normalise alike hash alike.</summary>
public static class ContentHash
{
    /// <summary>Characters encoded at a time: the text's UTF-8 is hashed a slice at a time, never held whole (files run to 10 MiB).</summary>
    private const int SliceChars = 16 * 1024;

    public static string Of(string normalisedText)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(SliceChars)];
        var rest = normalisedText.AsSpan();
        do
        {
            var slice = rest[..Math.Min(SliceChars, rest.Length)];
            rest = rest[slice.Length..];
            // The encoder keeps a high surrogate that ends a slice for the next one, so a pair cut in two encodes as one.
            var bytes = encoder.GetBytes(slice, utf8, flush: rest.IsEmpty);
            hash.AppendData(utf8[..bytes]);
        }
        while (!rest.IsEmpty);

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
