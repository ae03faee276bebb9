using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.IntegrationTests.Storage;

/// <summary>Counts the requests a client sends that change data (everything but GET and HEAD): one per write round trip.</summary>
public sealed class WriteRoundTripCounter : HttpPipelinePolicy
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public void Reset() => Interlocked.Exchange(ref _writes, 0);

    public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get && message.Request.Method != RequestMethod.Head)
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
