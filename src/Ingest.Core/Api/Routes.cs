namespace Ingest.Core.Api;

/// <summary>
/// The HTTP contract's routes, in the one place both hosts take them from: the Functions app's attributes use them as
/// they are (its host adds <c>/api</c>), the standalone host maps them under <see cref="Prefix"/>.
/// </summary>
public static class Routes
{
    public const string Prefix = "/api";

    public const string Articles = "articles";
    public const string Article = "articles/{id}";
    public const string ArticleSections = "articles/{id}/sections";
    public const string ArticleSection = "articles/{id}/sections/{index}";
    public const string ArticleText = "articles/{id}/text";
    public const string Ingestions = "ingestions";
    public const string RecentIngestions = "ingestions/recent";
    public const string Reprocess = "ingestions/reprocess";
    public const string Health = "health";
    public const string HealthLive = "health/live";
    public const string HealthReady = "health/ready";

    /// <summary>Where the Functions host takes Event Grid deliveries for blob triggers (outside <see cref="Prefix"/>).</summary>
    public const string BlobsWebhook = "/runtime/webhooks/blobs";
}
