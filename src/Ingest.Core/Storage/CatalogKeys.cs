using System.Globalization;

namespace Ingest.Core.Storage;

/// <summary>
/// The keys of the article catalog. The catalog is spread over <see cref="Shards"/> partitions
/// (<c>catalog-0</c> … <c>catalog-7</c>) chosen by the hash in an article's id, so writes do not all
/// land on one partition, while an article row and its listing rows (and every article of one
/// blob) share a partition and change together in one entity-group transaction. A listing is a
/// row-key range read in every partition and merged in key order (keys end with the unique id);
/// a listing by source blob reads only that blob's partition. Row keys:
/// <list type="bullet">
/// <item><c>a|{id}</c>: the article (one point read serves <c>GET /api/articles/{id}</c>);</item>
/// <item><c>l|{date}|{id}</c>: every article, newest first;</item>
/// <item><c>c|{category}|{date}|{id}</c>, <c>w|{author}|{date}|{id}</c>, <c>s|{blob key}|{date}|{id}</c>: the same, per category, author and source blob;</item>
/// <item><c>b|{category}|{author}|{date}|{id}</c>: per category and author together, so that filter reads only its matches;</item>
/// <item><c>e|{time}|{event id}</c>: the outbox, an event written with the change it tells of and removed once published
/// (<see cref="Events.ArticleEvents"/>).</item>
/// </list>
/// <c>{date}</c> counts down (99999999 − yyyyMMdd) so ranges read newest first; undated articles sort last (<c>~</c>).
/// </summary>
internal static class CatalogKeys
{
    public const int Shards = 8;

    private const string PartitionPrefix = "catalog-";
    private const int HashHexDigits = 16;

    private const string ArticlePrefix = "a|";
    private const string AllPrefix = "l|";
    private const string CategoryPrefix = "c|";
    private const string AuthorPrefix = "w|";
    private const string SourcePrefix = "s|";
    private const string CategoryAuthorPrefix = "b|";
    private const string Undated = "~";
    private const string OutboxPrefix = "e|";

    /// <summary>Every catalog partition, for reads that merge them.</summary>
    public static IReadOnlyList<string> Partitions { get; } =
        [.. Enumerable.Range(0, Shards).Select(shard => PartitionPrefix + shard.ToString(CultureInfo.InvariantCulture))];

    /// <summary>
    /// The partition of an article's rows, from the blob-name hash its id carries (<c>{slug}-{hash}</c> or
    /// <c>{slug}-{hash}-{position}</c>, see <see cref="BlobKeys"/>); null for an id no blob could have given.
    /// </summary>
    public static string? PartitionOf(string articleId)
    {
        var segments = articleId.Split('-');
        var hash = segments.Length >= 2 && IsHash(segments[^1]) ? segments[^1]
            : segments.Length >= 3 && IsHash(segments[^2]) ? segments[^2]
            : null;
        return hash is null ? null : Partitions[Convert.ToInt32(hash[..2], 16) % Shards];
    }

    /// <summary>The partition of every article of <paramref name="blobName"/>.</summary>
    public static string PartitionOfBlob(string blobName) => PartitionOf(BlobKeys.For(blobName))!;

    public static string Article(string id) => ArticlePrefix + id;

    /// <summary>An outbox row's key: oldest first within a partition.</summary>
    public static string Outbox(DateTimeOffset time, string eventId) =>
        $"{OutboxPrefix}{time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{eventId}";

    /// <summary>The outbox rows of a partition.</summary>
    public static string OutboxFilter(string partition) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {OutboxPrefix} and RowKey lt {"e}"}");

    public static string AllListing(DateOnly? publishedAt, string id) => $"{AllPrefix}{DateKey(publishedAt)}|{id}";

    public static string CategoryListing(string category, DateOnly? publishedAt, string id) =>
        $"{CategoryPrefix}{KeyText.Escape(category)}|{DateKey(publishedAt)}|{id}";

    public static string AuthorListing(string author, DateOnly? publishedAt, string id) =>
        $"{AuthorPrefix}{KeyText.Escape(author)}|{DateKey(publishedAt)}|{id}";

    public static string CategoryAuthorListing(string category, string author, DateOnly? publishedAt, string id) =>
        $"{CategoryAuthorPrefix}{KeyText.Escape(category)}|{KeyText.Escape(author)}|{DateKey(publishedAt)}|{id}";

    public static string SourceListing(string blobName, DateOnly? publishedAt, string id) =>
        $"{SourcePrefix}{BlobKeys.For(blobName)}|{DateKey(publishedAt)}|{id}";

    /// <summary>The narrowest listing to page through: by source blob, else category and author, else author, else category, else all.</summary>
    public static string ListingPrefix(string? source, string? category, string? author) =>
        source is not null ? $"{SourcePrefix}{BlobKeys.For(source)}|"
        : author is not null && category is not null ? $"{CategoryAuthorPrefix}{KeyText.Escape(category)}|{KeyText.Escape(author)}|"
        : author is not null ? $"{AuthorPrefix}{KeyText.Escape(author)}|"
        : category is not null ? $"{CategoryPrefix}{KeyText.Escape(category)}|"
        : AllPrefix;

    /// <summary>
    /// The row-key range [from, to) of a listing, narrowed to publication dates in [<paramref name="publishedFrom"/>, <paramref name="publishedTo"/>].
    /// '}' follows '|' in ordinal order, so <c>prefix}</c> bounds everything that starts with <c>prefix|</c>.
    /// </summary>
    public static (string From, string To) ListingRange(string prefix, DateOnly? publishedFrom, DateOnly? publishedTo)
    {
        var from = publishedTo is null ? prefix : prefix + DateKey(publishedTo) + "|";
        var to = publishedFrom is not null ? prefix + DateKey(publishedFrom) + "}"
            : publishedTo is not null ? prefix + Undated // a date filter leaves undated articles out
            : prefix[..^1] + "}";
        return (from, to);
    }

    private static bool IsHash(string segment) =>
        segment.Length == HashHexDigits && segment.All(char.IsAsciiHexDigitLower);

    /// <summary>A date as a key that counts down (99999999 − yyyyMMdd), so ranges read newest first; no date sorts last.</summary>
    public static string DateKey(DateOnly? date) =>
        date is { } d ? (99_999_999 - ((d.Year * 10_000) + (d.Month * 100) + d.Day)).ToString("D8", CultureInfo.InvariantCulture) : Undated;
}
