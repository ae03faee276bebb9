namespace Ingest.Core.Model;

/// <summary>A heading and the paragraphs under it; the lead before the first heading has no heading.</summary>
public sealed record Section(
    int Index,
    string? Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> ImageCredits,
    int WordCount);
