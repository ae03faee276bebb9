using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.IntegrationTests.Storage;

/// <summary>Notes the (unescaped) URL of every read a client sends, to check what a query asked storage for.</summary>
public sealed class QueryRecorder : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _queries = [];

    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public void Clear()
    {
        lock (_queries)
        {
            _queries.Clear();
        }
    }

    public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerCall);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get)
        {
            lock (_queries)
            {
                _queries.Add(Uri.UnescapeDataString(message.Request.Uri.ToString()));
            }
        }
    }
}
