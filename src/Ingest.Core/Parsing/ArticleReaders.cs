using Ingest.Core.Extraction;
using Ingest.Core.Parsing.Html;
using Ingest.Core.Parsing.Json;
using Ingest.Core.Parsing.Markdown;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Parsing;

/// <summary>One reader per format, registered once: adding a format is one new <see cref="IArticleReader"/> and one line here.</summary>
public sealed class ArticleReaders
{
    private readonly Dictionary<string, IArticleReader> _byFormat;

    public ArticleReaders(IEnumerable<IArticleReader> readers) =>
        _byFormat = readers.ToDictionary(r => r.Format, StringComparer.Ordinal);

    public static ArticleReaders Create(ExtractionLimits limits) => new(
    [
        new PlainTextArticleReader(),
        new HtmlArticleReader(limits),
        new MarkdownArticleReader(limits),
        new JsonArticleReader(limits),
    ]);

    public IArticleReader For(string format) =>
        _byFormat.TryGetValue(format, out var reader) ? reader : throw new ArgumentOutOfRangeException(nameof(format), format, "No reader is registered for this format.");
}
