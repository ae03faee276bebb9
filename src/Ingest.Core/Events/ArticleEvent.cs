using System.Security.Cryptography;

namespace Ingest.Core.Events;

/// <summary>The kinds of change to the article set, as CloudEvent types.</summary>
public static class ArticleEventTypes
{
    public const string Created = "ingest.article.created";
    public const string Updated = "ingest.article.updated";
    public const string Deleted = "ingest.article.deleted";
}

/// <summary>
/// One change to the article set, decided with the write that makes it and kept in its outbox row until published.
/// </summary>
/// <param name="EventId">Unique per change and the same on every delivery of it: consumers deduplicate on it.</param>
/// <param name="Type">One of <see cref="ArticleEventTypes"/>.</param>
/// <param name="Version">The article's version the change made (for a delete: the version deleted).</param>
/// <param name="Time">When the change was written.</param>
public sealed record ArticleEvent(string EventId, string Type, string ArticleId, int Version, string Container, string Blob, DateTimeOffset Time)
{
    /// <param name="created">No article of this id was stored before the write (a first write, or one after a delete).</param>
    public static ArticleEvent Written(bool created, string articleId, int version, string container, string blob, DateTimeOffset time) =>
        new(NewId(), created ? ArticleEventTypes.Created : ArticleEventTypes.Updated, articleId, version, container, blob, time);

    public static ArticleEvent Deleted(string articleId, int version, string container, string blob, DateTimeOffset time) =>
        new(NewId(), ArticleEventTypes.Deleted, articleId, version, container, blob, time);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
