namespace Ingest.Core.Storage;

/// <summary>Which content of a blob a piece of work is about: its ETag, and when that content was written.</summary>
public sealed record BlobVersion(string ETag, DateTimeOffset LastModified);
