namespace Ingest.Core.Extraction;

/// <summary>
/// Bounds on what hostile structure may cost the readers. Each keeps time and memory linear in the file's size:
/// nesting deeper than the limit is read flat or not at all, never recursed into.
/// </summary>
/// <param name="MaxNestingDepth">HTML elements or Markdown blocks nested deeper than this are not read (50,000 nested divs stop here).</param>
/// <param name="MaxJsonDepth">JSON nested deeper than this is malformed.</param>
/// <param name="MaxFrontMatterChars">Front matter longer than this (or never closed) is read as body text.</param>
/// <param name="MaxArticlesPerFile">A JSON array with more articles than this is a failure, not a partial read.</param>
public sealed record ExtractionLimits(
    int MaxNestingDepth = 256,
    int MaxJsonDepth = 64,
    int MaxFrontMatterChars = 65_536,
    int MaxArticlesPerFile = 1_000)
{
    public static ExtractionLimits Default { get; } = new();
}
