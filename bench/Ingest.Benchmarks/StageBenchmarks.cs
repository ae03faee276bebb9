using BenchmarkDotNet.Attributes;
using Ingest.Core.Decoding;
using Ingest.Core.Extraction;
using Ingest.Core.Metadata;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;

namespace Ingest.Benchmarks;

/// <summary>
/// Each stage of the Core pipeline alone over the 130 real pages of one shape: every stage is given what the stage
/// before it produced (prepared once), so the stages' times add up to the whole pipeline's.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private readonly ArticleReaders _readers = ArticleReaders.Create(ExtractionLimits.Default);
    private IReadOnlyList<(string Name, byte[] Bytes)> _files = [];
    private string[] _decoded = [];
    private string[] _normalised = [];
    private string[] _formats = [];
    private ArticleDraft[][] _drafts = [];

    [Params(".html", ".txt", ".md")]
    public string Shape { get; set; } = ".html";

    [GlobalSetup]
    public void Prepare()
    {
        _files = RealPageFiles.Load(Shape);
        _decoded = _files.Select(f => TextDecoder.Decode(f.Bytes).Text).ToArray();
        _normalised = _decoded.Select(TextNormaliser.Normalise).ToArray();
        _formats = _files.Select((f, i) => FormatDetector.Detect(f.Name, _normalised[i], ExtractionLimits.Default.MaxJsonDepth)).ToArray();
        _drafts = _normalised.Select((text, i) => _readers.For(_formats[i]).Read(text).Drafts.ToArray()).ToArray();
    }

    [Benchmark]
    public int Decode()
    {
        var chars = 0;
        foreach (var (_, bytes) in _files)
        {
            chars += TextDecoder.Decode(bytes).Text.Length;
        }

        return chars;
    }

    [Benchmark]
    public int Normalise()
    {
        var chars = 0;
        foreach (var text in _decoded)
        {
            chars += TextNormaliser.Normalise(text).Length;
        }

        return chars;
    }

    [Benchmark]
    public int Detect()
    {
        var html = 0;
        for (var i = 0; i < _files.Count; i++)
        {
            html += FormatDetector.Detect(_files[i].Name, _normalised[i], ExtractionLimits.Default.MaxJsonDepth) == ArticleFormats.Html ? 1 : 0;
        }

        return html;
    }

    [Benchmark]
    public int Read()
    {
        var drafts = 0;
        for (var i = 0; i < _normalised.Length; i++)
        {
            drafts += _readers.For(_formats[i]).Read(_normalised[i]).Drafts.Count;
        }

        return drafts;
    }

    [Benchmark]
    public int Assemble()
    {
        var words = 0;
        for (var i = 0; i < _drafts.Length; i++)
        {
            foreach (var draft in _drafts[i])
            {
                var source = new ExtractedSource(_formats[i], TextEncodingNames.Utf8, ContentHash.Of(draft.ContentText ?? _normalised[i]), _files[i].Bytes.Length);
                words += ArticleAssembler.Assemble(draft, source).WordCount;
            }
        }

        return words;
    }
}
