namespace Ingest.Host.Api.OpenApi;

/// <summary>
/// A query parameter a route reads itself (the Core handlers take the request and validate its query), described for
/// the OpenAPI document: attach with <c>.WithMetadata(new QueryParameter(…))</c>.
/// </summary>
internal sealed record QueryParameter(string Name, string Description, string Type = "string", bool Required = false, string? Format = null);

/// <summary>Marks a write route: it needs the function key (<c>x-functions-key</c> header or <c>code</c> query parameter).</summary>
internal sealed record RequiresFunctionKey;

/// <summary>
/// A route that reads its body as raw bytes, whatever its content type, described as such. (Not <c>Accepts</c>: that
/// would also make ASP.NET Core refuse other content types with 415.)
/// </summary>
internal sealed record RawBody(string Description);
