using Ingest.Core.Ingestion;

namespace Ingest.Core.Storage;

/// <summary>
/// What happened to one blob, as the Ingestions table keeps it. Each state a run records has a factory below that
/// says what carries over from the <c>current</c> record (the article ids still stored, the attempts, the reprocess
/// token, the run's start), so every writer moves a record the same way.
/// </summary>
/// <param name="RunStartedAt">
/// When the run that recorded this state began (its <c>processing</c> write), for an outcome of that run; null for a state
/// that is its own start. The recent feed lists a record by <see cref="ListedAt"/>, so a run keeps one place in it.
/// </param>
public sealed record IngestionRecord(
    string Blob,
    string Status,
    IReadOnlyList<string> ArticleIds,
    int Attempts,
    string? ErrorCode,
    string? ErrorMessage,
    BlobVersion? BlobVersion,
    DateTimeOffset UpdatedAt,
    string? ReprocessToken = null,
    DateTimeOffset? RunStartedAt = null)
{
    /// <summary>The record's place in the recent feed: when its latest run began, or when it last changed outside a run.</summary>
    public DateTimeOffset ListedAt => RunStartedAt ?? UpdatedAt;

    /// <summary>
    /// A run has read <paramref name="version"/> and may write <paramref name="articleIds"/>. The intent comes before the
    /// articles: those ids are named next to the ones already stored, so a run that dies mid-array, a later shrink, a
    /// delete or the sweep finds them all. Attempts count deliveries of the same content.
    /// </summary>
    public static IngestionRecord Processing(string blob, IngestionRecord? current, BlobVersion version, IEnumerable<string> articleIds, DateTimeOffset now) =>
        new(
            blob,
            IngestionStatus.Processing,
            (current?.ArticleIds ?? []).Union(articleIds, StringComparer.Ordinal).ToList(),
            current?.BlobVersion?.ETag == version.ETag ? current.Attempts + 1 : 1,
            null,
            null,
            version,
            now,
            current?.ReprocessToken);

    /// <summary>A run stored <paramref name="articleIds"/>, exactly the articles the blob holds now, with <paramref name="status"/> <c>succeeded</c> or <c>unchanged</c>.</summary>
    public static IngestionRecord Completed(string blob, IngestionRecord? current, string status, IReadOnlyList<string> articleIds, BlobVersion version, DateTimeOffset now, string? reprocessToken) =>
        new(blob, status, articleIds, current?.Attempts ?? 1, null, null, version, now, reprocessToken ?? current?.ReprocessToken, StartOfRun(current, version));

    /// <summary>
    /// The content can never give an article. The last good content's articles stay served and the record goes on
    /// naming them, so a later overwrite, a delete or the sweep still removes them.
    /// </summary>
    public static IngestionRecord Failed(string blob, IngestionRecord? current, BlobVersion? version, string code, string message, DateTimeOffset now) =>
        new(blob, IngestionStatus.Failed, current?.ArticleIds ?? [], current?.Attempts ?? 1, code, message, version, now, current?.ReprocessToken, StartOfRun(current, version));

    /// <summary>The trigger gave up after its poison threshold; the record keeps the attempts counted and names the last trouble.</summary>
    public static IngestionRecord Poisoned(string blob, IngestionRecord? current, string? etag, DateTimeOffset now) =>
        new(
            blob,
            IngestionStatus.Poisoned,
            current?.ArticleIds ?? [],
            current?.Attempts ?? 0,
            "poisoned",
            $"The trigger gave up after {current?.Attempts ?? 0} attempts ({current?.ErrorMessage ?? "transient failures"}). It is tried again when the blob changes, or with POST /api/ingestions/reprocess.",
            current?.BlobVersion ?? (etag is null ? null : new BlobVersion(etag, DateTimeOffset.MinValue)),
            now,
            current?.ReprocessToken);

    /// <summary>When the run whose outcome follows <paramref name="current"/> began: its <c>processing</c> write, when that is what <paramref name="current"/> is for this content.</summary>
    private static DateTimeOffset? StartOfRun(IngestionRecord? current, BlobVersion? version) =>
        current is { Status: IngestionStatus.Processing, BlobVersion: { } running } && running.ETag == version?.ETag ? current.ListedAt : null;
}
