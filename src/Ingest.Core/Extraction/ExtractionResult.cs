using System.Diagnostics.CodeAnalysis;
using Ingest.Core.Model;

namespace Ingest.Core.Extraction;

/// <summary>The articles in a file (one, or several for a JSON array), or the reason there are none. Expected failures are values, not exceptions.</summary>
public sealed record ExtractionResult
{
    private ExtractionResult(IReadOnlyList<Article> articles, ExtractionError? error)
    {
        Articles = articles;
        Error = error;
    }

    public IReadOnlyList<Article> Articles { get; }
    public ExtractionError? Error { get; }

    /// <summary>The first (usually the only) article.</summary>
    public Article? Article => Articles.Count > 0 ? Articles[0] : null;

    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static ExtractionResult Success(IReadOnlyList<Article> articles) => new(articles, null);

    public static ExtractionResult Failure(ExtractionError error) => new([], error);
}
