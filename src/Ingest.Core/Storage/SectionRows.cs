using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingest.Core.Api.Contracts;

namespace Ingest.Core.Storage;

/// <summary>
/// The Sections table: partition = article id. Each write of an article's sections is a
/// generation of rows keyed <c>{writeId}|{index:D6}</c> (with <c>|{part:D3}</c> rows when one
/// section is longer than a row holds); the head row (<c>head|{article id}</c>; <c>head</c> in a store written before
/// that layout, see <see cref="RowKeyLayout"/>) names the current generation.
/// Rows of a generation are never changed, so a reader that follows the head never sees old
/// and new sections mixed.
/// </summary>
internal static class SectionRows
{
    /// <summary>The head's row key before this layout: the same in every article's partition.</summary>
    public const string OldHeadRowKey = "head";

    /// <summary>The head's row key: unique across the table (<see cref="RowKeyLayout"/>), and never a generation's (write ids are hex).</summary>
    public static string HeadRowKey(string articleId) => OldHeadRowKey + "|" + articleId;

    public static string GenerationPrefix(string writeId) => writeId + "|";

    public static string GenerationEnd(string writeId) => writeId + "}";

    public static TableEntity Head(string articleId, string writeId, int sectionCount, int version, BlobVersion blob) => new(articleId, HeadRowKey(articleId))
    {
        ["WriteId"] = writeId,
        ["SectionCount"] = sectionCount,
        ["Version"] = version,
        ["BlobETag"] = blob.ETag,
        ["BlobLastModified"] = blob.LastModified,
    };

    public static (string WriteId, BlobVersion Blob, ETag ETag) ReadHead(TableEntity head) =>
        (head.GetString("WriteId"), ReadBlobVersion(head), head.ETag);

    public static BlobVersion ReadBlobVersion(TableEntity entity) =>
        new(entity.GetString("BlobETag") ?? "", entity.GetDateTimeOffset("BlobLastModified") ?? DateTimeOffset.MinValue);

    /// <summary>The rows of one generation: one per section, more for a section longer than a row holds.</summary>
    public static IEnumerable<TableEntity> Build(string articleId, string writeId, IReadOnlyList<SectionDto> sections)
    {
        foreach (var section in sections)
        {
            var pieces = JsonPieces.Serialize(StoredSection.From(section), StorageJson.Context.StoredSection)!;
            var part = 0;
            foreach (var rowPieces in pieces.Chunk(LargeText.MaxPropertiesPerRow))
            {
                var rowKey = GenerationPrefix(writeId) + section.Index.ToString("D6", CultureInfo.InvariantCulture)
                    + (part == 0 ? "" : "|" + part.ToString("D3", CultureInfo.InvariantCulture));
                var row = new TableEntity(articleId, rowKey);
                if (part == 0)
                {
                    // Plain columns for people who read the table directly.
                    row["Index"] = section.Index;
                    row["Heading"] = Truncate(section.Heading);
                    row["WordCount"] = section.WordCount;
                    row["ParagraphCount"] = section.Paragraphs.Count;
                }

                LargeText.Write(row, "Json", rowPieces);
                part++;
                yield return row;
            }
        }
    }

    /// <summary>Reads a generation's rows, in row-key order, back into sections.</summary>
    public static List<SectionDto> Read(IEnumerable<TableEntity> rowsInKeyOrder)
    {
        var sections = new List<SectionDto>();
        var json = new System.Text.StringBuilder();
        string? currentSection = null;
        foreach (var row in rowsInKeyOrder)
        {
            var sectionKey = row.RowKey.Split('|')[1];
            if (currentSection is not null && sectionKey != currentSection)
            {
                sections.Add(Deserialize(json.ToString()));
                json.Clear();
            }

            currentSection = sectionKey;
            json.Append(LargeText.Read(row, "Json"));
        }

        if (currentSection is not null)
        {
            sections.Add(Deserialize(json.ToString()));
        }

        return sections;
    }

    private static SectionDto Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StorageJson.Context.StoredSection)?.ToDto()
        ?? throw new InvalidDataException("A stored section is empty.");

    private static string? Truncate(string? text) => text is { Length: > 1_000 } ? text[..1_000] : text;
}
