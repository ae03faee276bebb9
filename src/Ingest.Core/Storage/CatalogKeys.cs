using System.Globalization;

namespace Ingest.Core.Storage;

/// <summary>
/// The row keys of the article catalog. Every catalog row lives in one partition, so an
/// article row and its listing rows change together in one entity-group transaction, and
/// each list query is a row-key range that reads only the page it returns:
/// <list type="bullet">
/// <item><c>a|{id}</c>: the article (one point read serves <c>GET /api/articles/{id}</c>);</item>
/// <item><c>l|{date}|{id}</c>: every article, newest first;</item>
/// <item><c>c|{category}|{date}|{id}</c>, <c>w|{author}|{date}|{id}</c>, <c>s|{blob key}|{date}|{id}</c>: the same, per category, author and source blob;</item>
/// <item><c>b|{category}|{author}|{date}|{id}</c>: per category and author together, so that filter reads only its matches.</item>
/// </list>
/// <c>{date}</c> counts down (99999999 − yyyyMMdd) so ranges read newest first; undated articles sort last (<c>~</c>).
/// </summary>
internal static class CatalogKeys
{
    public const string Partition = "catalog";

    private const string ArticlePrefix = "a|";
    private const string AllPrefix = "l|";
    private const string CategoryPrefix = "c|";
    private const string AuthorPrefix = "w|";
    private const string SourcePrefix = "s|";
    private const string CategoryAuthorPrefix = "b|";
    private const string Undated = "~";

    public static string Article(string id) => ArticlePrefix + id;

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

    /// <summary>A date as a key that counts down (99999999 − yyyyMMdd), so ranges read newest first; no date sorts last.</summary>
    public static string DateKey(DateOnly? date) =>
        date is { } d ? (99_999_999 - ((d.Year * 10_000) + (d.Month * 100) + d.Day)).ToString("D8", CultureInfo.InvariantCulture) : Undated;
}
