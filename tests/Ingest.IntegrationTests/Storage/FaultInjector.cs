using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Ingest.IntegrationTests.Storage;

/// <summary>
/// Storage trouble on cue, as a pipeline policy on every client: the first requests a predicate picks are sent and
/// carried out by storage, and then answered with <c>503 ServerBusy</c> as if the acknowledgement had been lost on the
/// way back, or are not sent at all and fail as a host dying mid-call would (<see cref="ThrowInstead"/>). The first
/// <c>after</c> requests it picks go through untouched.
/// </summary>
public sealed class FaultInjector(Func<Request, bool> picks, int times = 1, int after = 0) : HttpPipelinePolicy
{
    private int _passed = after;
    private int _left = times;
    private int _injected;

    /// <summary>When set, a picked request is not sent: this exception is thrown instead.</summary>
    public Exception? ThrowInstead { get; init; }

    public int Injected => Volatile.Read(ref _injected);

    public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public static bool IsBlobUpload(Request request) =>
        request.Method == RequestMethod.Put && !request.Uri.Query.Contains("comp=", StringComparison.Ordinal);

    public static bool IsMetadataWrite(Request request) =>
        request.Method == RequestMethod.Put && request.Uri.Query.Contains("comp=metadata", StringComparison.Ordinal);

    public static bool IsTransactionOn(Request request, string table) =>
        request.Method == RequestMethod.Post && request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal)
        && Body(request).Contains("/" + table + "(", StringComparison.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!Picks(message.Request))
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        Interlocked.Increment(ref _injected);
        if (ThrowInstead is not null)
        {
            throw ThrowInstead;
        }

        await ProcessNextAsync(message, pipeline);
        message.Response = new ServerBusyResponse(message.Request.ClientRequestId);
    }

    private bool Picks(Request request) =>
        picks(request) && Interlocked.Decrement(ref _passed) < 0 && Interlocked.Decrement(ref _left) >= 0;

    private static string Body(Request request)
    {
        if (request.Content is null)
        {
            return "";
        }

        using var copy = new MemoryStream();
        request.Content.WriteTo(copy, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(copy.ToArray());
    }

    /// <summary>What a busy storage service answers.</summary>
    private sealed class ServerBusyResponse(string clientRequestId) : Response
    {
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase) { ["x-ms-error-code"] = "ServerBusy" };

        public override int Status => 503;

        public override string ReasonPhrase => "Service Unavailable";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            var found = _headers.TryGetValue(name, out var value);
            values = found ? [value!] : null;
            return found;
        }
    }
}
