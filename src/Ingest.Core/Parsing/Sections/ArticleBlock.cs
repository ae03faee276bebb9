namespace Ingest.Core.Parsing.Sections;

/// <summary>What a block of an article body is, once a format reader has recognised it.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Credit,
}

/// <summary>One block of an article body, in document order: the common language every format reader speaks.</summary>
public readonly record struct ArticleBlock(BlockKind Kind, string Text);
