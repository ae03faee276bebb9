using Ingest.Core.Api;
using Microsoft.Extensions.Options;

namespace Ingest.Host.Api;

/// <summary>
/// Guards write routes with <see cref="ApiKeyCheck"/>, the standalone host's counterpart of <c>AuthorizationLevel.Function</c>.
/// Keyless Development writes are taken only from this machine (<see cref="ApiKeyCheck.LocalProblem"/>).
/// </summary>
internal sealed class ApiKeyFilter(IOptions<StandaloneHostOptions> options, IHostEnvironment environment) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!ApiKeyCheck.IsAuthorized(request, options.Value.ApiKey, environment.IsDevelopment()))
        {
            return Problems.Unauthorized($"This route needs a key in the '{ApiKeyCheck.HeaderName}' header or the '{ApiKeyCheck.QueryName}' query parameter.");
        }

        if (string.IsNullOrEmpty(options.Value.ApiKey) && ApiKeyCheck.LocalProblem(request) is { } problem)
        {
            return Problems.Forbidden(problem);
        }

        return await next(context);
    }
}
