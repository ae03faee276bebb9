using Ingest.Core.Model;

namespace Ingest.Core.Parsing;

/// <summary>Reads one file format. Takes normalised text; never throws on any input: what it cannot read is a failed <see cref="ReadResult"/>.</summary>
public interface IArticleReader
{
    /// <summary>The <c>source.format</c> this reader handles (see <see cref="ArticleFormats"/>).</summary>
    string Format { get; }

    ReadResult Read(string normalisedText);
}

/// <summary>The articles a file holds (usually one; a JSON array holds several), or why it holds none.</summary>
public sealed record ReadResult
{
    private ReadResult(IReadOnlyList<ArticleDraft> drafts, ExtractionError? error)
    {
        Drafts = drafts;
        Error = error;
    }

    public IReadOnlyList<ArticleDraft> Drafts { get; }
    public ExtractionError? Error { get; }

    public static ReadResult Of(params IReadOnlyList<ArticleDraft> drafts) => new(drafts, null);

    public static ReadResult Failure(ExtractionError error) => new([], error);
}
