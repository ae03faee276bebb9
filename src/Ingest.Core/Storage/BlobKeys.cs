using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Storage;

/// <summary>
/// Turns any blob name the storage service accepts into an id that is URL-safe, a valid
/// Table Storage key and stable for that name: a readable slug of the file name and 16 hex
/// digits of the name's SHA-256, e.g. <c>kestrel-bay-harbour-cup-3f2a9c1b04d7e6a5</c>.
/// </summary>
public static class BlobKeys
{
    private const int MaxSlugLength = 48;
    private const int HashHexDigits = 16;

    /// <summary>The key of a blob: its ingestion row, and the id of its first (usually only) article.</summary>
    public static string For(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..HashHexDigits];
        return Slug(blobName) + "-" + hash;
    }

    /// <summary>The id of the article at <paramref name="position"/> in a blob (a JSON array holds several).</summary>
    public static string ArticleId(string blobName, int position = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return position == 0 ? For(blobName) : $"{For(blobName)}-{position}";
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an id this class makes (so a malformed one never reaches storage).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static string Slug(string blobName)
    {
        var fileName = blobName[(blobName.LastIndexOf('/') + 1)..];
        var dot = fileName.LastIndexOf('.');
        var stem = dot > 0 ? fileName[..dot] : fileName;

        var slug = new StringBuilder(Math.Min(stem.Length, MaxSlugLength));
        foreach (var c in stem.ToLowerInvariant())
        {
            if (slug.Length == MaxSlugLength)
            {
                break;
            }

            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length > 0 ? text : "article";
    }
}
