using System.Net;
using Azure.Storage.Queues;
using Ingest.Core.Events;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.EndToEnd;

namespace Ingest.IntegrationTests.Events;

/// <summary>A running host publishes what happens to the article set on its events queue, as a consumer reads it.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ArticleEventsEndToEndTests(RunningHost host) : IClassFixture<RunningHost>
{
    [Fact]
    public async Task DroppedReuploadedAndDeletedFile_CreatedUpdatedDeletedEventsArrive()
    {
        var blob = $"events-{Guid.NewGuid():N}.txt";
        await host.Container.GetBlobClient(blob).UploadAsync(BinaryData.FromString("Harbour Reopens\n\nThe harbour reopened on Monday after repairs, the port authority said."));
        var id = Assert.Single((await host.WaitForIngestionAsync(blob)).ArticleIds);
        var changed = await host.Container.GetBlobClient(blob).UploadAsync(BinaryData.FromString("Harbour Reopens\n\nThe harbour reopened on Monday after three weeks of repairs."), overwrite: true);
        await host.WaitForIngestionAsync(blob, changed.Value.ETag.ToString());
        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/articles/{id}", UriKind.Relative));
        delete.Headers.Add("x-functions-key", RunningHost.ApiKey);
        using var deleted = await host.Client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var events = await EventsOfAsync(id, count: 3);

        Assert.Equal([(ArticleEventTypes.Created, 1), (ArticleEventTypes.Updated, 2), (ArticleEventTypes.Deleted, 2)], events.Select(e => (e.Type, e.Data.Version)));
        Assert.All(events, e => Assert.Equal((blob, $"/api/articles/{id}"), (e.Data.Blob, e.Data.Url)));
    }

    private async Task<List<ArticleCloudEvent>> EventsOfAsync(string articleId, int count)
    {
        var queue = new QueueClient(host.ConnectionString, host.Options.ArticleEventsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var events = new List<ArticleCloudEvent>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (events.Count < count && DateTime.UtcNow < deadline)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
            {
                if (ArticleCloudEvent.Parse(message.Body.ToString()) is { } e && e.Data.Id == articleId)
                {
                    events.Add(e);
                }
            }

            await Task.Delay(200);
        }

        return events;
    }
}
