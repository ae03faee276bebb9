using Ingest.Core.Api.Contracts;

namespace Ingest.Core.Storage;

/// <summary>One article to store, with what decides whether it must be written at all.</summary>
/// <param name="Article">The article; the store sets <c>version</c> and <c>ingestedAt</c>.</param>
/// <param name="ContentHash">The hash of the normalised text: with <paramref name="ExtractorVersion"/>, the idempotency key.</param>
/// <param name="ExtractorVersion">The version of the extraction code; a new one re-extracts unchanged content.</param>
/// <param name="Blob">The blob content this article was extracted from; older content never overwrites newer.</param>
/// <param name="Force">Write even when the content and extractor are unchanged (reprocessing).</param>
/// <param name="LikelyNew">
/// Nothing is likely stored for this article (its blob had no ingestion record): the first try writes its rows as new
/// without reading them. Rows there after all refuse that write, and the save reads them and goes on as usual.
/// </param>
public sealed record ArticleWrite(ArticleDto Article, string ContentHash, string ExtractorVersion, BlobVersion Blob, bool Force = false, bool LikelyNew = false);

/// <summary>What <see cref="ArticleStore.SaveAsync"/> did.</summary>
public enum SaveOutcome
{
    /// <summary>Sections and article were written; the version went up.</summary>
    Written,

    /// <summary>The same content was stored already by the same extractor: nothing was written.</summary>
    Unchanged,

    /// <summary>Newer content of the blob is stored already (or on its way): nothing was written.</summary>
    Superseded,
}

/// <param name="Outcome">What the save did.</param>
/// <param name="Version">The article's version now stored.</param>
/// <param name="StoredBlob">The blob content the stored article comes from (newer than the write's when <see cref="SaveOutcome.Superseded"/>).</param>
public sealed record SaveResult(SaveOutcome Outcome, int Version, BlobVersion? StoredBlob);
