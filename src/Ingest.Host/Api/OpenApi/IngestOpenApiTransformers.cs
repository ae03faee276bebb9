using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ingest.Host.Api.OpenApi;

/// <summary>
/// Completes the generated document: the query parameters routes read themselves, the function-key scheme on write
/// routes, and no server URL (the document is the same wherever the host listens, so it can be checked in).
/// </summary>
internal sealed class IngestOpenApiTransformers : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string KeyScheme = "functionKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [];
        document.Info.Title = "Ingest";
        document.Info.Description = "News articles dropped as files, extracted and served. Write routes need the function key.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Core.Api.ApiKeyCheck.HeaderName,
            Description = "The function key (also accepted as the `code` query parameter).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var parameter in metadata.OfType<QueryParameter>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = parameter.Required,
                Description = parameter.Description,
                Schema = new OpenApiSchema
                {
                    Type = parameter.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String,
                    Format = parameter.Format,
                },
            });
        }

        if (metadata.OfType<RawBody>().FirstOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = body.Description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/octet-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
        }

        if (metadata.OfType<RequiresFunctionKey>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
