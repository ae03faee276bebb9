using Ingest.Core.Storage;

namespace Ingest.Core.Ingestion;

/// <summary>What a blob trigger calls for each delivered blob (<see cref="ArticleIngestor"/>); a seam for testing the triggers alone.</summary>
public interface IArticleIngestor
{
    /// <summary>Ingests the blob as it is now. Returns the recorded outcome; throws only for transient trouble, so the trigger retries.</summary>
    Task<IngestionRecord> IngestAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ingests a blob a trigger delivered, with the version the trigger saw (<paramref name="delivered"/>). By default the
    /// same as <see cref="IngestAsync(string, CancellationToken)"/>.
    /// </summary>
    Task<IngestionRecord> IngestAsync(string blobName, BlobVersion delivered, CancellationToken cancellationToken = default) =>
        IngestAsync(blobName, cancellationToken);
}
