namespace Ingest.Core.Parsing;

/// <summary>Reads one file format. Takes normalised text; never throws on any input.</summary>
public interface IArticleReader
{
    /// <summary>The <c>source.format</c> this reader handles (see <see cref="Model.ArticleFormats"/>).</summary>
    string Format { get; }

    ArticleDraft Read(string normalisedText);
}
