using Azure;
using Ingest.Core.Storage;

namespace Ingest.Core.Ingestion;

/// <summary>
/// Removes what a deleted blob leaves in the tables, in the one safe order: its articles first, then its record. While
/// the record still names the articles, a failure part way is finished by the next attempt (a repeated delete, or the
/// sweep). Used by <c>DELETE /api/articles/{id}</c> and by the sweep when it finds a blob gone.
/// </summary>
public static class DeletedBlobRows
{
    /// <param name="record">The blob's ingestion record, or null when it has none.</param>
    /// <param name="recordETag">The record row's ETag to delete it on (<see cref="ETag.All"/>: whatever it holds now).</param>
    /// <param name="alsoArticleIds">Articles to remove that the record may not name (the one a caller was asked about).</param>
    /// <returns>Whether this call removed the record.</returns>
    public static async Task<bool> RemoveAsync(
        ArticleStore articles,
        IngestionStore ingestions,
        string blobName,
        IngestionRecord? record,
        ETag recordETag,
        IEnumerable<string> alsoArticleIds,
        CancellationToken cancellationToken)
    {
        foreach (var id in (record?.ArticleIds ?? []).Concat(alsoArticleIds).Distinct(StringComparer.Ordinal))
        {
            await articles.DeleteAsync(id, cancellationToken);
        }

        return record is not null && await ingestions.DeleteAsync(blobName, recordETag, cancellationToken);
    }
}
