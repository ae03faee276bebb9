using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>Requests for the Core route handlers called in-process, as both hosts call them.</summary>
internal static class ApiRequests
{
    /// <summary>A GET with <paramref name="query"/> (unescaped names and values), or a POST when there is a body.</summary>
    public static HttpRequest Make(IEnumerable<KeyValuePair<string, string?>> query, string? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = QueryString.Create(query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Method = HttpMethods.Post;
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        return context.Request;
    }

    public static HttpRequest Make(string name, string value, string? body = null) => Make([new(name, value)], body);

    public static int? StatusOf(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;
}
