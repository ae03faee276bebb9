using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Core.Events;

/// <summary>
/// An article event as a CloudEvent 1.0 in the JSON structured format (https://cloudevents.io): what the
/// <c>article-events</c> queue's messages hold.
/// </summary>
public sealed record ArticleCloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] ArticleEventData Data)
{
    public static ArticleCloudEvent From(ArticleEvent change, Uri? publicBaseUrl)
    {
        var path = $"/api/articles/{Uri.EscapeDataString(change.ArticleId)}";
        var url = publicBaseUrl is null ? path : new Uri(publicBaseUrl, path).ToString();
        return new ArticleCloudEvent(
            "1.0", change.EventId, $"/ingest/{change.Container}", change.Type, change.ArticleId, change.Time, "application/json",
            new ArticleEventData(change.ArticleId, change.Version, change.Container, change.Blob, url));
    }

    public string ToJson() => JsonSerializer.Serialize(this, CloudEventJsonContext.Default.ArticleCloudEvent);

    public static ArticleCloudEvent? Parse(string json) => JsonSerializer.Deserialize(json, CloudEventJsonContext.Default.ArticleCloudEvent);
}

/// <summary>The event's <c>data</c>: which article, which version, from which blob, and where to read it.</summary>
public sealed record ArticleEventData(string Id, int Version, string Container, string Blob, string Url);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleCloudEvent))]
[JsonSerializable(typeof(ArticleEventData))]
internal sealed partial class CloudEventJsonContext : JsonSerializerContext;
