namespace Ingest.Host.Api.OpenApi;

/// <summary>
/// A query parameter a route reads itself (the Core handlers take the request and validate its query), described for
/// the OpenAPI document: attach with <c>.WithMetadata(new QueryParameter(…))</c>.
/// </summary>
internal sealed record QueryParameter(string Name, string Description, string Type = "string", bool Required = false, string? Format = null);

/// <summary>Marks a write route: it needs the function key (<c>x-functions-key</c> header or <c>code</c> query parameter).</summary>
internal sealed record RequiresFunctionKey;
