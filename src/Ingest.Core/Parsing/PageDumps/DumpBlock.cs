namespace Ingest.Core.Parsing.PageDumps;

/// <summary>What a block of a page dump is, as its format marks it.</summary>
public enum DumpBlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Code,
}

/// <summary>
/// One block of a whole page saved as text or Markdown: a line or paragraph, a heading, a list item. The reader that
/// split the dump says what it knows: the block's kind, its text without markup, how much of that text sat in links
/// (Markdown keeps links; plain-text dumps do not), and how deep in lists it stands.
/// </summary>
/// <param name="Kind">What the format marks the block as.</param>
/// <param name="Text">The block's words, markup removed, white space folded.</param>
/// <param name="LinkedLength">Characters of <paramref name="Text"/> that were link text.</param>
/// <param name="HeadingLevel">1–6 for a heading; 0 otherwise.</param>
/// <param name="ListDepth">0 outside lists; 1 for a top-level list item, 2 inside it, and so on.</param>
/// <param name="AfterBreak">Whether a blank line (or a new block in the format) comes before it; false for a line continuing the one above.</param>
public readonly record struct DumpBlock(DumpBlockKind Kind, string Text, int LinkedLength = 0, int HeadingLevel = 0, int ListDepth = 0, bool AfterBreak = true)
{
    public double LinkShare => Text.Length == 0 ? 0 : (double)LinkedLength / Text.Length;
}
