namespace Ingest.Core.Model;

/// <summary>Where each metadata field came from; null when the field has no value.</summary>
public sealed record Provenance
{
    public string? Title { get; init; }
    public string? Authors { get; init; }
    public string? PublishedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? Category { get; init; }
    public string? Dateline { get; init; }
}
