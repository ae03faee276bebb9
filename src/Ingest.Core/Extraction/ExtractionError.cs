namespace Ingest.Core.Extraction;

/// <summary>Why a file gave no article: a stable <see cref="Code"/> for machines and a <see cref="Message"/> for people.</summary>
public sealed record ExtractionError(string Code, string Message)
{
    public static ExtractionError Empty() =>
        new(ExtractionErrorCodes.Empty, "The file holds no text once white space and invisible characters are removed.");

    public static ExtractionError NoArticle() =>
        new(ExtractionErrorCodes.NoArticle, "The file holds text, but neither a title nor any paragraph an article could be made of.");
}

/// <summary>The codes of <see cref="ExtractionError"/>.</summary>
public static class ExtractionErrorCodes
{
    public const string Empty = "empty";
    public const string NoArticle = "no-article";
}
