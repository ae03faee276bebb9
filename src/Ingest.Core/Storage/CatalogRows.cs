using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingest.Core.Api.Contracts;

namespace Ingest.Core.Storage;

/// <summary>
/// Maps articles to and from the catalog's rows (see <see cref="CatalogKeys"/>). The article row
/// holds the whole article as JSON when it fits one entity, so one point read serves it; a
/// larger article keeps everything but its sections there, and its sections in the Sections table.
/// </summary>
internal static class CatalogRows
{
    private const int MaxAuthorListings = 10;
    private const int MaxListedTitleChars = 2_000;
    private const int MaxListedAuthorChars = 200;

    /// <summary>The stored facts about an article that decide how the next write goes.</summary>
    public sealed record ArticleRowState(
        string Id,
        int Version,
        string WriteId,
        string ContentHash,
        string ExtractorVersion,
        BlobVersion Blob,
        IReadOnlyList<string> ListingKeys,
        ETag ETag);

    public static TableEntity ArticleRow(ArticleDto article, string writeId, ArticleWrite write, IReadOnlyList<string> listingKeys)
    {
        var row = new TableEntity(PartitionOf(article), CatalogKeys.Article(article.Id))
        {
            ["ArticleId"] = article.Id,
            ["Blob"] = article.Source.Blob,
            ["Version"] = article.Version,
            ["WriteId"] = writeId,
            ["ContentHash"] = write.ContentHash,
            ["ExtractorVersion"] = write.ExtractorVersion,
            ["BlobETag"] = write.Blob.ETag,
            ["BlobLastModified"] = write.Blob.LastModified,
            ["ListingKeys"] = JsonSerializer.Serialize(listingKeys.ToList(), StorageJson.Context.ListString),
            ["SectionCount"] = article.SectionCount,
            ["WordCount"] = article.WordCount,
            ["IngestedAt"] = article.IngestedAt,
        };

        // Serialised in row-sized pieces, given up past one row's worth: a long article's whole JSON is never held here.
        if (JsonPieces.Serialize(StoredArticle.From(article), StorageJson.Context.StoredArticle, LargeText.MaxPropertiesPerRow) is { } inline)
        {
            row["SectionsInline"] = true;
            LargeText.Write(row, "Json", inline);
            return row;
        }

        var withoutSections = StoredArticle.From(article with { Sections = [] });
        var pieces = JsonPieces.Serialize(withoutSections, StorageJson.Context.StoredArticle, LargeText.MaxPropertiesPerRow)
            ?? throw new ArticleTooLargeException(article.Id, JsonSerializer.Serialize(withoutSections, StorageJson.Context.StoredArticle).Length);
        row["SectionsInline"] = false;
        LargeText.Write(row, "Json", pieces);
        return row;
    }

    /// <summary>The catalog partition of the article's rows.</summary>
    public static string PartitionOf(ArticleDto article) =>
        CatalogKeys.PartitionOf(article.Id) ?? throw new ArgumentException($"Article id {article.Id} is not one a blob gives.", nameof(article));

    public static ArticleRowState ReadState(TableEntity row) => new(
        row.GetString("ArticleId"),
        row.GetInt32("Version") ?? 0,
        row.GetString("WriteId") ?? "",
        row.GetString("ContentHash") ?? "",
        row.GetString("ExtractorVersion") ?? "",
        SectionRows.ReadBlobVersion(row),
        JsonSerializer.Deserialize(row.GetString("ListingKeys") ?? "[]", StorageJson.Context.ListString) ?? [],
        row.ETag);

    /// <summary>The stored article, and whether its sections are in it or must be read from the Sections table.</summary>
    public static (ArticleDto Article, bool SectionsInline, string WriteId) ReadArticle(TableEntity row)
    {
        var json = LargeText.Read(row, "Json") ?? throw new InvalidDataException($"Catalog row {row.RowKey} holds no article.");
        var article = JsonSerializer.Deserialize(json, StorageJson.Context.StoredArticle)?.ToDto()
            ?? throw new InvalidDataException($"Catalog row {row.RowKey} holds an empty article.");
        return (article, row.GetBoolean("SectionsInline") ?? true, row.GetString("WriteId") ?? "");
    }

    /// <summary>The article's listing rows: all, its category, each author (up to ten), its category with each author, its source blob.</summary>
    public static List<TableEntity> ListingRows(ArticleDto article)
    {
        var summaryJson = SummaryJson(article.ToSummary());
        var keys = new List<string>
        {
            CatalogKeys.AllListing(article.PublishedAt, article.Id),
            CatalogKeys.SourceListing(article.Source.Blob, article.PublishedAt, article.Id),
        };
        if (article.Category is not null)
        {
            keys.Add(CatalogKeys.CategoryListing(article.Category, article.PublishedAt, article.Id));
        }

        var authors = article.Authors.DistinctBy(KeyText.Escape, StringComparer.Ordinal).Take(MaxAuthorListings).ToList();
        keys.AddRange(authors.Select(author => CatalogKeys.AuthorListing(author, article.PublishedAt, article.Id)));
        if (article.Category is not null)
        {
            keys.AddRange(authors.Select(author => CatalogKeys.CategoryAuthorListing(article.Category, author, article.PublishedAt, article.Id)));
        }

        var partition = PartitionOf(article);
        return keys.Select(key => new TableEntity(partition, key)
        {
            ["ArticleId"] = article.Id,
            ["CategoryKey"] = article.Category is null ? null : KeyText.Escape(article.Category),
            ["SourceKey"] = BlobKeys.For(article.Source.Blob),
            ["Summary"] = summaryJson,
        }).ToList();
    }

    /// <summary>
    /// The summary a listing row carries, within the one string property it has: a title or author list too long for
    /// it is cut there (the article itself keeps them whole).
    /// </summary>
    private static string SummaryJson(ArticleSummaryDto summary)
    {
        var json = JsonSerializer.Serialize(StoredSummary.From(summary), StorageJson.Context.StoredSummary);
        if (json.Length <= LargeText.MaxCharsPerProperty)
        {
            return json;
        }

        var shortened = summary with
        {
            Title = Cut(summary.Title, MaxListedTitleChars),
            Authors = [.. summary.Authors.Take(MaxAuthorListings).Select(a => Cut(a, MaxListedAuthorChars)!)],
        };
        return JsonSerializer.Serialize(StoredSummary.From(shortened), StorageJson.Context.StoredSummary);
    }

    private static string? Cut(string? text, int maxChars) =>
        text is null || text.Length <= maxChars ? text : LargeText.Chunk(text, maxChars - 1).First() + "…";

    public static ArticleSummaryDto ReadSummary(TableEntity listingRow) =>
        JsonSerializer.Deserialize(listingRow.GetString("Summary"), StorageJson.Context.StoredSummary)?.ToDto()
        ?? throw new InvalidDataException($"Listing row {listingRow.RowKey} holds no summary.");
}
