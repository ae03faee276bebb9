using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Api;

/// <summary>
/// The standalone host's check of write-route keys, as Azure Functions does with
/// <c>AuthorizationLevel.Function</c>: the key in the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter. With no key configured, write routes are open only in Development.
/// </summary>
public static class ApiKeyCheck
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public static bool IsAuthorized(HttpRequest request, string? configuredKey, bool isDevelopment)
    {
        if (string.IsNullOrEmpty(configuredKey))
        {
            return isDevelopment;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }

        return presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey)));
    }
}
