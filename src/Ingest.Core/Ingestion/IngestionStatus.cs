namespace Ingest.Core.Ingestion;

/// <summary>The <c>status</c> values of an <c>Ingestion</c>.</summary>
public static class IngestionStatus
{
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";
    public const string Poisoned = "poisoned";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Processing, Succeeded, Unchanged, Failed, Poisoned };
}
