using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;

namespace Ingest.Core.Ingestion;

/// <summary>What an Event Grid delivery asks of the blob trigger: one event of a batch.</summary>
public abstract record BlobEvent
{
    /// <summary>The subscription handshake (Event Grid schema): answer with the code.</summary>
    public sealed record Validation(string Code) : BlobEvent;

    public sealed record Created(string Container, string BlobName) : BlobEvent;

    public sealed record Deleted(string Container, string BlobName) : BlobEvent;

    /// <summary>An event type the trigger does not act on (acknowledged, not retried).</summary>
    public sealed record Other(string Type) : BlobEvent;

    /// <summary>
    /// Reads a delivery in either schema: the Event Grid schema (a JSON array of events with <c>eventType</c>) or
    /// CloudEvents 1.0 (one event, or a batch). Throws <see cref="FormatException"/> for anything else.
    /// </summary>
    public static IReadOnlyList<BlobEvent> ParseMany(BinaryData body)
    {
        try
        {
            return IsCloudEvents(body)
                ? [.. CloudEvent.ParseMany(body).Select(e => From(e.Type, e.TryGetSystemEventData(out var data) ? data : null))]
                : [.. EventGridEvent.ParseMany(body).Select(e => From(e.EventType, e.TryGetSystemEventData(out var data) ? data : null))];
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException("The body is not an Event Grid delivery (Event Grid schema or CloudEvents 1.0).", exception);
        }
    }

    private static bool IsCloudEvents(BinaryData body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var first = document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array
            ? document.RootElement.EnumerateArray().FirstOrDefault()
            : document.RootElement;
        return first.ValueKind == System.Text.Json.JsonValueKind.Object && first.TryGetProperty("specversion", out _);
    }

    private static BlobEvent From(string type, object? data) => data switch
    {
        SubscriptionValidationEventData validation => new Validation(validation.ValidationCode),
        StorageBlobCreatedEventData created when Blob(created.Url) is { } blob => new Created(blob.Container, blob.Name),
        StorageBlobDeletedEventData deleted when Blob(deleted.Url) is { } blob => new Deleted(blob.Container, blob.Name),
        _ => new Other(type),
    };

    /// <summary>Container and name from a blob URL, in either address style (account in the host, or in the path as on Azurite).</summary>
    private static (string Container, string Name)? Blob(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var parts = new BlobUriBuilder(uri);
        return string.IsNullOrEmpty(parts.BlobContainerName) || string.IsNullOrEmpty(parts.BlobName) ? null : (parts.BlobContainerName, parts.BlobName);
    }
}
