using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Ingest.Core.Events;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;

namespace Ingest.IntegrationTests.Events;

/// <summary>
/// The Event Grid option: with <c>Ingest:ArticleEventsTopic</c> set, events go to the topic in the CloudEvents schema,
/// through the real Event Grid client, to a local HTTP endpoint standing in for the topic (there is no Event Grid emulator).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class EventGridTopicTests : IDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly HttpListener _topic = new();
    private readonly ConcurrentQueue<(string? Key, string ContentType, string Body)> _received = new();
    private readonly Uri _endpoint;

    public EventGridTopicTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _endpoint = new Uri($"http://127.0.0.1:{port}/api/events");
        _topic.Prefixes.Add($"http://127.0.0.1:{port}/api/");
        _topic.Start();
        _ = AnswerAsync();
    }

    [Fact]
    public async Task TopicConfigured_WriteAndDelete_ArePostedAsCloudEventsWithTheKey()
    {
        var options = AzuriteFixture.NewOptions();
        options.ArticleEventsTopic = _endpoint;
        options.ArticleEventsTopicKey = "topic-key";
        var storage = await _azurite.NewStorageAsync(options);
        var store = new ArticleStore(storage, TimeProvider.System, new ArticleEvents(storage, TimeProvider.System));
        var write = TestArticles.Make(options.ArticlesContainer, "harbour.txt");

        await store.SaveAsync(write);
        await store.DeleteAsync(write.Article.Id);

        Assert.Equal(2, _received.Count);
        var posts = _received.ToList();
        Assert.All(posts, p => Assert.Equal("topic-key", p.Key));
        Assert.All(posts, p => Assert.StartsWith("application/cloudevents-batch+json", p.ContentType, StringComparison.Ordinal));
        var events = posts.Select(p => Assert.Single(JsonDocument.Parse(p.Body).RootElement.EnumerateArray())).ToList();
        Assert.Equal([ArticleEventTypes.Created, ArticleEventTypes.Deleted], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal(write.Article.Id, e.GetProperty("subject").GetString()));
        Assert.All(events, e => Assert.Equal("1.0", e.GetProperty("specversion").GetString()));
        Assert.Equal("harbour.txt", events[0].GetProperty("data").GetProperty("blob").GetString());
        Assert.Equal(1, events[0].GetProperty("data").GetProperty("version").GetInt32());
        Assert.Empty((await storage.ArticleEventsQueue!.PeekMessagesAsync()).Value); // the topic instead of the queue
    }

    private async Task AnswerAsync()
    {
        while (_topic.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _topic.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            _received.Enqueue((context.Request.Headers["aeg-sas-key"], context.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _topic.Close();
}
