namespace Ingest.Core.Storage;

/// <summary>A page request of <c>GET /api/articles</c>, already validated.</summary>
public sealed record ArticleListQuery(
    int Top = ArticleListQuery.DefaultTop,
    string? ContinuationToken = null,
    string? Category = null,
    string? Author = null,
    DateOnly? PublishedFrom = null,
    DateOnly? PublishedTo = null,
    string? Source = null)
{
    public const int DefaultTop = 20;
    public const int MaxTop = 100;
}
