namespace Ingest.Core.Storage;

/// <summary>An article whose metadata alone (everything but its sections) is larger than one table entity may hold. Permanent: the same file always fails the same way.</summary>
public sealed class ArticleTooLargeException(string articleId, int characters)
    : Exception($"Article {articleId} has {characters} characters of metadata outside its sections, more than one table entity holds.");
