using System.Net;
using Azure;
using Ingest.Core.Composition;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Ingest.Core.Storage;

/// <summary>
/// The one resilience pipeline around every storage call: a timeout per attempt, retries with
/// exponential back-off and jitter on transient failures (408, 429, 500, 502, 503, 504,
/// connection failures, timeouts), and a circuit breaker that fails fast while storage is down.
/// The Azure SDK clients' own retries are turned off (<see cref="IngestStorage"/>) so the two never multiply.
/// </summary>
public static class StorageResilience
{
    public static ResiliencePipeline Create(IngestOptions options)
    {
        var transient = new PredicateBuilder()
            .Handle<RequestFailedException>(IsTransient)
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<IOException>();

        var builder = new ResiliencePipelineBuilder();
        if (options.StorageRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.StorageRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.StorageRetryDelay,
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.9,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(options.StorageTimeout)
            .Build();
    }

    /// <summary>Whether a storage failure may go away if the same call is made again.</summary>
    public static bool IsTransient(RequestFailedException exception) =>
        exception.Status is 0 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests
            or (int)HttpStatusCode.InternalServerError or (int)HttpStatusCode.BadGateway
            or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;
}
