using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>
/// The standalone host with the Event Grid blob-trigger source: real <c>Microsoft.Storage.BlobCreated</c> and
/// <c>BlobDeleted</c> payloads, in the Event Grid schema and as CloudEvents, posted to the webhook the Functions host uses.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class EventGridEndToEndTests(RunningHostOnEventGrid host) : IClassFixture<RunningHostOnEventGrid>
{
    private const string Webhook = "/runtime/webhooks/blobs?functionName=Host.Functions.ArticleBlobEventGridTrigger";

    [Fact]
    public async Task BlobCreated_EventGridSchema_IngestsTheBlobBeforeAnswering()
    {
        const string name = "eventgrid/created.txt";
        await UploadAsync(name);

        using var response = await PostAsync(WithKey(Webhook), EventGridSchema("Microsoft.Storage.BlobCreated", name), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ingestion = await host.Client.GetFromJsonAsync(Api($"/api/ingestions?blob={Uri.EscapeDataString(name)}"), IngestJson.Context.IngestionDto);
        Assert.Equal("succeeded", ingestion?.Status);
        Assert.Equal([BlobKeys.ArticleId(name)], ingestion?.ArticleIds);
    }

    [Fact]
    public async Task BlobCreatedThenDeleted_CloudEvents_IngestsThenRemovesEverything()
    {
        const string name = "eventgrid/cloud.txt";
        await UploadAsync(name);

        using var created = await PostAsync(WithKey(Webhook), CloudEvents("Microsoft.Storage.BlobCreated", name), "application/cloudevents-batch+json");
        var article = await host.Client.GetAsync(Api($"/api/articles/{BlobKeys.ArticleId(name)}"));
        await host.Container.DeleteBlobAsync(name);
        using var deleted = await PostAsync(WithKey(Webhook), CloudEvents("Microsoft.Storage.BlobDeleted", name), "application/cloudevents-batch+json");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(Api($"/api/articles/{BlobKeys.ArticleId(name)}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(Api($"/api/ingestions?blob={Uri.EscapeDataString(name)}"))).StatusCode);
    }

    [Fact]
    public async Task SubscriptionValidation_EventGridSchema_AnswersTheValidationCode()
    {
        var validation = $$$"""
            [{"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
              "subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-27T10:00:00Z","metadataVersion":"1","dataVersion":"2",
              "data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net/validate"}}]
            """;

        using var response = await PostAsync(WithKey(Webhook), validation, "application/json", ("aeg-event-type", "SubscriptionValidation"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"validationResponse\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriptionValidation_CloudEvents_AllowsTheOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, WithKey(Webhook));
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task Delivery_WithoutTheBlobsExtensionKey_IsRefusedAndIngestsNothing(string? key)
    {
        var name = $"eventgrid/forged-{key ?? "none"}.txt";
        await UploadAsync(name);

        using var response = await PostAsync(key is null ? Webhook : Webhook + "&code=" + key, EventGridSchema("Microsoft.Storage.BlobCreated", name), "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(Api($"/api/ingestions?blob={Uri.EscapeDataString(name)}"))).StatusCode);
    }

    [Fact]
    public void JobHost_RunsNoContainerScan_OnlyThePoisonQueueTrigger()
    {
        Assert.Contains("Triggers.PoisonedBlobTrigger.RunAsync", host.Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Triggers.ArticleBlobTrigger.RunAsync", host.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobCreated_ForAnotherContainer_IsAcknowledgedAndIgnored()
    {
        const string name = "eventgrid/elsewhere.txt";

        using var response = await PostAsync(WithKey(Webhook), EventGridSchema("Microsoft.Storage.BlobCreated", name, container: "someone-elses"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync(Api($"/api/ingestions?blob={Uri.EscapeDataString(name)}"))).StatusCode);
    }

    private static string WithKey(string path) => path + "&code=" + RunningHostOnEventGrid.BlobsExtensionKey;

    private static Uri Api(string path) => new(path, UriKind.Relative);

    private async Task UploadAsync(string name) =>
        await host.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString("Event Grid Story\n\nDelivered by an event, not a scan."), overwrite: true);

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Api(path)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (header is { } h)
        {
            request.Headers.Add(h.Name, h.Value);
        }

        return await host.Client.SendAsync(request);
    }

    private string BlobUrl(string name, string? container) =>
        host.Container.Uri.ToString().Replace("/" + host.Options.ArticlesContainer, "/" + (container ?? host.Options.ArticlesContainer), StringComparison.Ordinal) + "/" + name;

    private string Data(string eventType, string name, string? container) => $$$"""
        {"api":"{{{(eventType.EndsWith("Deleted", StringComparison.Ordinal) ? "DeleteBlob" : "PutBlob")}}}","clientRequestId":"{{{Guid.NewGuid()}}}","requestId":"{{{Guid.NewGuid()}}}",
         "eTag":"0x8DCAFE0000000000","contentType":"text/plain","contentLength":52,"blobType":"BlockBlob","url":"{{{BlobUrl(name, container)}}}",
         "sequencer":"00000000000000000000000000012AB2000000000000001a","storageDiagnostics":{"batchId":"{{{Guid.NewGuid()}}}"}}
        """;

    private string EventGridSchema(string eventType, string name, string? container = null) => $$$"""
        [{"id":"{{{Guid.NewGuid()}}}","topic":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
          "subject":"/blobServices/default/containers/{{{container ?? host.Options.ArticlesContainer}}}/blobs/{{{name}}}","eventType":"{{{eventType}}}",
          "eventTime":"2026-11-27T10:00:00Z","metadataVersion":"1","dataVersion":"","data":{{{Data(eventType, name, container)}}}}]
        """;

    private string CloudEvents(string eventType, string name) => $$$"""
        [{"specversion":"1.0","type":"{{{eventType}}}","id":"{{{Guid.NewGuid()}}}","time":"2026-11-27T10:00:00Z",
          "source":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
          "subject":"/blobServices/default/containers/{{{host.Options.ArticlesContainer}}}/blobs/{{{name}}}","datacontenttype":"application/json",
          "data":{{{Data(eventType, name, container: null)}}}}]
        """;
}

/// <summary>A host whose blob trigger takes Event Grid deliveries (no container scan), with its sweep out of the way.</summary>
public sealed class RunningHostOnEventGrid(AzuriteFixture azurite) : RunningHost(azurite)
{
    public const string BlobsExtensionKey = "e2e-blobs-extension-key";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Ingest__BlobTriggerSource"] = "EventGrid",
        ["Ingest__BlobsExtensionKey"] = BlobsExtensionKey,
        ["Ingest__StuckProcessingAfter"] = "01:00:00",
        ["Ingest__UnrecordedAfter"] = "01:00:00",
    };
}
