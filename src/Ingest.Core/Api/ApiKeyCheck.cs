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

    /// <summary>
    /// Why a keyless Development write is refused, or null when it comes from this machine: the Host must be loopback
    /// (a DNS-rebinding page names its own host) and a browser's request must not come from another site
    /// (<c>Sec-Fetch-Site: cross-site</c>, or an <c>Origin</c> that is not loopback).
    /// </summary>
    public static string? LocalProblem(HttpRequest request)
    {
        if (!IsLoopback(request.Host.Host))
        {
            return "Without a key, write routes answer only requests addressed to this machine (localhost, 127.0.0.1, [::1]).";
        }

        string? origin = request.Headers.Origin;
        var foreignOrigin = !string.IsNullOrEmpty(origin)
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || !IsLoopback(originUri.Host));
        if (foreignOrigin || string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return "Without a key, write routes refuse requests a page on another site makes from a browser.";
        }

        return null;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
