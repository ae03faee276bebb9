using System.Buffers.Text;
using System.Text;

namespace Ingest.Core.Storage;

/// <summary>Wraps the table service's continuation token into an opaque, URL-safe one (base64url) and back.</summary>
public static class ContinuationTokens
{
    private const int MaxLength = 4_096;

    public static string? Encode(string? tableToken) =>
        tableToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tableToken));

    /// <summary>The table service's token, or false when <paramref name="token"/> is not one this class made.</summary>
    public static bool TryDecode(string? token, out string? tableToken)
    {
        tableToken = null;
        if (token is null)
        {
            return true;
        }

        if (token.Length is 0 or > MaxLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (text.Length == 0 || text.Any(char.IsControl))
        {
            return false;
        }

        tableToken = text;
        return true;
    }
}
