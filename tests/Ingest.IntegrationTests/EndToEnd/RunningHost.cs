using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Composition;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>A standalone host on the test Azurite, with its own container and tables, shared by one test class.</summary>
public class RunningHost(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string ApiKey = "e2e-test-key";

    private HostProcess? _host;

    public IngestOptions Options { get; } = AzuriteFixture.NewOptions();

    public HostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public HttpClient Client => Host.Client;

    public BlobContainerClient Container => new(azurite.ConnectionString, Options.ArticlesContainer);

    public string ConnectionString => azurite.ConnectionString;

    /// <summary>Settings beyond the defaults, as environment variables.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync() =>
        _host = await HostProcess.StartAsync(azurite.ConnectionString, Options, ApiKey, hostId: "e2e-" + Guid.NewGuid().ToString("N")[..12], Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Polls <c>/api/ingestions?blob=</c> until the blob's ingestion reaches a final status.</summary>
    public async Task<IngestionDto> WaitForIngestionAsync(string blobName, string? etag = null, TimeSpan? timeout = null, string? status = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        IngestionDto? last = null;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Client.GetAsync(new Uri("/api/ingestions?blob=" + Uri.EscapeDataString(blobName), UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                last = await response.Content.ReadFromJsonAsync(IngestJson.Context.IngestionDto);
                if (last is { Status: not "processing" } && (etag is null || last.ETag == etag) && (status is null || last.Status == status))
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"'{blobName}' was not ingested in time (last status: {last?.Status ?? "none"}).{Environment.NewLine}{Host.Output}");
    }
}

/// <summary>A host whose sweep leaves work alone for an hour, for tests that need a blob to stay as they set it up.</summary>
public sealed class RunningHostWithoutSweep(AzuriteFixture azurite) : RunningHost(azurite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Ingest__StuckProcessingAfter"] = "01:00:00",
        ["Ingest__UnrecordedAfter"] = "01:00:00",
    };
}
