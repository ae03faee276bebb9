using Azure;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Storage.Queues;
using Ingest.Core.Storage;
using Polly;

namespace Ingest.Core.Events;

/// <summary>Where article events are published: the events queue, or an Event Grid topic.</summary>
public interface IArticleEventSink
{
    Task SendAsync(ArticleCloudEvent change, CancellationToken cancellationToken);
}

/// <summary>
/// The sink the settings choose: the Event Grid topic when <c>Ingest:ArticleEventsTopic</c> is set, else the queue
/// <c>Ingest:ArticleEventsQueue</c>, else none (events off).
/// </summary>
public static class ArticleEventSinks
{
    public static IArticleEventSink? For(IngestStorage storage)
    {
        var options = storage.Options;
        if (options.ArticleEventsTopic is { } topic)
        {
            var client = options.ArticleEventsTopicKey is { Length: > 0 } key
                ? new EventGridPublisherClient(topic, new AzureKeyCredential(key))
                : storage.Connection.Credential is { } credential
                    ? new EventGridPublisherClient(topic, credential)
                    : throw new InvalidOperationException(
                        "Ingest:ArticleEventsTopic is set but there is no way to authenticate to it: set Ingest:ArticleEventsTopicKey, or use an identity-based storage connection whose identity has the EventGrid Data Sender role.");
            return new EventGridTopicSink(client, storage.Resilience);
        }

        return storage.ArticleEventsQueue is { } queue ? new QueueEventSink(queue, storage.Resilience) : null;
    }
}

/// <summary>One queue message per event: the CloudEvent in the JSON structured format, kept until read (no expiry).</summary>
public sealed class QueueEventSink(QueueClient queue, ResiliencePipeline resilience) : IArticleEventSink
{
    public async Task SendAsync(ArticleCloudEvent change, CancellationToken cancellationToken)
    {
        var json = change.ToJson();
        await resilience.ExecuteAsync(
            async ct => await queue.SendMessageAsync(json, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), ct), cancellationToken);
    }
}

/// <summary>Each event sent to an Event Grid topic in the CloudEvents schema.</summary>
public sealed class EventGridTopicSink(EventGridPublisherClient client, ResiliencePipeline resilience) : IArticleEventSink
{
    public async Task SendAsync(ArticleCloudEvent change, CancellationToken cancellationToken)
    {
        var cloudEvent = new CloudEvent(change.Source, change.Type, BinaryData.FromObjectAsJson(change.Data, CloudEventJsonContext.Default.ArticleEventData), change.DataContentType, CloudEventDataFormat.Json)
        {
            Id = change.Id,
            Subject = change.Subject,
            Time = change.Time,
        };
        await resilience.ExecuteAsync(async ct => await client.SendEventAsync(cloudEvent, ct), cancellationToken);
    }
}
