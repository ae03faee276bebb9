using Azure;
using Ingest.Core.Storage;
using Microsoft.AspNetCore.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ingest.Core.Api;

/// <summary>
/// Runs a handler and turns the failures a request may meet into problem responses, in both
/// hosts alike: a bad continuation token is 400, storage trouble that may pass (timeouts, 5xx, 429, a
/// broken circuit) is 503. Anything else, a storage refusal of what we sent included, is a bug and
/// goes on to the host's error handling, which answers 500 without details.
/// </summary>
public static class ProblemBoundary
{
    public static async Task<IResult> RunAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (ArgumentException exception) when (exception.ParamName is not null)
        {
            return Problems.BadRequest(exception.Message.Split(" (Parameter", 2)[0]);
        }
        catch (RequestFailedException exception) when (exception.Status == 400)
        {
            return Problems.BadRequest("The request asks storage for something it cannot answer (a malformed continuation token?).");
        }
        catch (Exception exception) when (IsPassingStorageTrouble(exception))
        {
            return Problems.StorageUnavailable();
        }
    }

    private static bool IsPassingStorageTrouble(Exception exception) => exception switch
    {
        RequestFailedException failure => StorageResilience.IsTransient(failure),
        BrokenCircuitException or TimeoutRejectedException or HttpRequestException or StorageConflictException => true,
        _ => false,
    };
}
