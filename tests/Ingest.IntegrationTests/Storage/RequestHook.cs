using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.IntegrationTests.Storage;

/// <summary>
/// Runs a step of a race on cue: after storage has answered the first request the predicate picks (or each of the first
/// <paramref name="times"/>), before the caller sees the answer.
/// </summary>
public sealed class RequestHook(Func<Request, bool> picks, Func<Task> afterAnswer, int times = 1) : HttpPipelinePolicy
{
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) > 0;

    public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public static bool IsContainerListing(Request request) =>
        request.Method == RequestMethod.Get && request.Uri.Query.Contains("comp=list", StringComparison.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        if (picks(message.Request) && Interlocked.Increment(ref _fired) <= times)
        {
            await afterAnswer();
        }
    }
}
