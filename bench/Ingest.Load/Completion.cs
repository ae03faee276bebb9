using Ingest.Core.Storage;

namespace Ingest.Load;

/// <summary>One file of a burst at its end: when it got there, when its blob was written, what it ended as.</summary>
internal sealed record Completion(DateTimeOffset Done, DateTimeOffset? LastModified, string Outcome, bool Repeated)
{
    /// <summary>A file the product ingested, from its ingestion record.</summary>
    public static Completion Of(IngestionRecord record) =>
        new(record.UpdatedAt, record.BlobVersion?.LastModified, record.Status, record.Attempts > 1);
}
