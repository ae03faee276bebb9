using Ingest.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Tests.Api;

/// <summary>Without a key, write routes are open in Development only to requests from this machine, never to another site's page.</summary>
public sealed class ApiKeyCheckTests
{
    [Theory]
    [InlineData("127.0.0.1:7071", null, null)]
    [InlineData("localhost:7071", null, "same-origin")]
    [InlineData("[::1]:7071", "http://[::1]:7071", null)]
    [InlineData("127.0.0.1:7071", "http://localhost:7071", "same-site")]
    public void LocalProblem_RequestFromThisMachine_IsNone(string host, string? origin, string? fetchSite) =>
        Assert.Null(ApiKeyCheck.LocalProblem(Request(host, origin, fetchSite)));

    [Theory]
    [InlineData("127.0.0.1:7071", "https://attacker.example", "cross-site")]
    [InlineData("127.0.0.1:7071", "https://attacker.example", null)]
    [InlineData("127.0.0.1:7071", null, "cross-site")]
    [InlineData("rebound.example:7071", null, null)]
    [InlineData("192.168.1.20:7071", null, null)]
    public void LocalProblem_CrossSiteOrForeignHost_IsRefused(string host, string? origin, string? fetchSite) =>
        Assert.NotNull(ApiKeyCheck.LocalProblem(Request(host, origin, fetchSite)));

    private static HttpRequest Request(string host, string? origin, string? fetchSite)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Host = new HostString(host);
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        return context.Request;
    }
}
