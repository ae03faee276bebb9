namespace Ingest.Core.Model;

/// <summary>Why a file gave no article: a stable <see cref="Code"/> for machines and a <see cref="Message"/> for people.</summary>
public sealed record ExtractionError(string Code, string Message)
{
    public static ExtractionError Empty() =>
        new(ExtractionErrorCodes.Empty, "The file holds no text once white space and invisible characters are removed.");

    public static ExtractionError NoArticle() =>
        new(ExtractionErrorCodes.NoArticle, "The file holds text, but neither a title nor any paragraph an article could be made of.");

    public static ExtractionError Binary() =>
        new(ExtractionErrorCodes.Binary, "The file is not text: it holds NUL bytes, control characters or undecodable bytes throughout.");

    public static ExtractionError MalformedJson(string detail) =>
        new(ExtractionErrorCodes.MalformedJson, "The file is not valid JSON: " + detail);

    public static ExtractionError WrongFieldType(string field, string expected) =>
        new(ExtractionErrorCodes.WrongFieldType, $"The field '{field}' should be {expected}.");

    public static ExtractionError Unreadable(string format, string what) =>
        new(ExtractionErrorCodes.Unreadable, $"The {format} reader could not read this file ({what}).");

    public static ExtractionError TooDeeplyNested(string format) =>
        new(ExtractionErrorCodes.TooDeeplyNested, $"The {format} is nested deeper than any article is; it is not read.");

    public static ExtractionError TooManyArticles(int count, int limit) =>
        new(ExtractionErrorCodes.TooManyArticles, $"The file holds {count} articles; at most {limit} are read from one file.");
}

/// <summary>The codes of <see cref="ExtractionError"/>.</summary>
public static class ExtractionErrorCodes
{
    public const string Empty = "empty";
    public const string NoArticle = "no-article";
    public const string Binary = "binary";
    public const string MalformedJson = "malformed-json";
    public const string WrongFieldType = "wrong-field-type";
    public const string TooManyArticles = "too-many-articles";
    public const string TooDeeplyNested = "too-deeply-nested";
    public const string Unreadable = "unreadable";
}
