using System.Diagnostics.CodeAnalysis;
using Ingest.Core.Model;

namespace Ingest.Core.Extraction;

/// <summary>An article, or the reason there is none. Expected failures are values, not exceptions.</summary>
public sealed record ExtractionResult
{
    private ExtractionResult(Article? article, ExtractionError? error)
    {
        Article = article;
        Error = error;
    }

    public Article? Article { get; }
    public ExtractionError? Error { get; }

    [MemberNotNullWhen(true, nameof(Article))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Article is not null;

    public static ExtractionResult Success(Article article) => new(article, null);

    public static ExtractionResult Failure(ExtractionError error) => new(null, error);
}
