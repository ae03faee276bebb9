using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Metadata;

/// <summary>SHA-256 of the normalised text, as lowercase hex: two files that normalise alike hash alike.</summary>
public static class ContentHash
{
    public static string Of(string normalisedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedText)));
}
