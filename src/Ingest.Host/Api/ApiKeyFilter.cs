using Ingest.Core.Api;
using Ingest.Core.Composition;
using Microsoft.Extensions.Options;

namespace Ingest.Host.Api;

/// <summary>Guards write routes with <see cref="ApiKeyCheck"/>, the standalone host's counterpart of <c>AuthorizationLevel.Function</c>.</summary>
internal sealed class ApiKeyFilter(IOptions<IngestOptions> options, IHostEnvironment environment) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ApiKeyCheck.IsAuthorized(context.HttpContext.Request, options.Value.ApiKey, environment.IsDevelopment())
            ? await next(context)
            : Problems.Unauthorized($"This route needs a key in the '{ApiKeyCheck.HeaderName}' header or the '{ApiKeyCheck.QueryName}' query parameter.");
}
