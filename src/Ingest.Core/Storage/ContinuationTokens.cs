using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Core.Storage;

/// <summary>
/// Wraps the table service's continuation token into an opaque, URL-safe one and back. The token is signed (HMAC-SHA256
/// with a key only the service holds) together with the query it continues, so a forged or altered token, or one
/// replayed on another query, is refused instead of being handed to storage.
/// </summary>
public sealed class ContinuationTokens(byte[] key)
{
    private const int MaxLength = 4_096;
    private const int MacBytes = 16;

    /// <summary>
    /// Keys the tokens to a deployment's secret: <c>Ingest:TokenSigningKey</c>, or, where none is set (Development), its
    /// storage connection string. Every host of a deployment must use the same secret.
    /// </summary>
    public static ContinuationTokens ForSecret(string secret) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("ingest-continuation-token|" + secret)));

    /// <param name="tableToken">The service's token, or null at the end of the results.</param>
    /// <param name="query">What the token continues (table, filter): a token is only good for the same query.</param>
    public string? Encode(string? tableToken, string query)
    {
        if (tableToken is null)
        {
            return null;
        }

        var payload = Encoding.UTF8.GetBytes(tableToken);
        return Base64Url.EncodeToString([.. Mac(payload, query), .. payload]);
    }

    /// <summary>The service's token, or false when <paramref name="token"/> is not one this service issued for <paramref name="query"/>.</summary>
    public bool TryDecode(string? token, string query, out string? tableToken)
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

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= MacBytes || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, MacBytes), Mac(bytes.AsSpan(MacBytes), query)))
        {
            return false;
        }

        tableToken = Encoding.UTF8.GetString(bytes, MacBytes, bytes.Length - MacBytes);
        return true;
    }

    private byte[] Mac(ReadOnlySpan<byte> payload, string query)
    {
        var scoped = new byte[Encoding.UTF8.GetByteCount(query) + 1 + payload.Length];
        var written = Encoding.UTF8.GetBytes(query, scoped);
        scoped[written] = 0;
        payload.CopyTo(scoped.AsSpan(written + 1));
        return HMACSHA256.HashData(key, scoped)[..MacBytes];
    }
}
