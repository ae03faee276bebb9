using Ingest.Core.Decoding;
using Ingest.Core.Metadata;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;

namespace Ingest.Core.Extraction;

/// <summary>
/// The whole of Ingest.Core's pure pipeline for one file:
/// bytes → <see cref="TextDecoder"/> → <see cref="TextNormaliser"/> → a format reader → <see cref="ArticleAssembler"/>.
/// </summary>
public sealed class ArticleExtractor(IArticleReader reader)
{
    /// <summary>
    /// The version of the extraction code. It is part of the idempotency key: raise it when a change
    /// to any stage would extract stored content differently, and the next delivery re-extracts.
    /// </summary>
    public const string Version = "1";

    public ExtractionResult Extract(ReadOnlySpan<byte> content)
    {
        var decoded = TextDecoder.Decode(content);
        var text = TextNormaliser.Normalise(decoded.Text);
        if (text.Length == 0)
        {
            return ExtractionResult.Failure(ExtractionError.Empty());
        }

        var draft = reader.Read(text);
        if (draft.Title is null && draft.Sections.All(s => s.Paragraphs.Count == 0))
        {
            return ExtractionResult.Failure(ExtractionError.NoArticle());
        }

        var source = new ExtractedSource(reader.Format, decoded.EncodingName, ContentHash.Of(text), content.Length);
        return ExtractionResult.Success(ArticleAssembler.Assemble(draft, source));
    }
}
