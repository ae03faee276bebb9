using BenchmarkDotNet.Attributes;
using Ingest.Core.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// The whole Core pipeline (decode, normalise, detect, read, assemble) over the 130 real pages of one shape per
/// operation; the MB/s column is the shape's bytes over the mean time.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly ArticleExtractor _extractor = new();
    private IReadOnlyList<(string Name, byte[] Bytes)> _files = [];

    [Params(".html", ".txt", ".md")]
    public string Shape { get; set; } = ".html";

    [GlobalSetup]
    public void LoadPages()
    {
        _files = RealPageFiles.Load(Shape);
    }

    [Benchmark]
    public int ExtractAllPages() => ExtractAll(_extractor, _files);

    /// <summary>Every file through the whole pipeline; the articles found.</summary>
    internal static int ExtractAll(ArticleExtractor extractor, IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        var articles = 0;
        foreach (var (name, bytes) in files)
        {
            articles += extractor.Extract(bytes, name).Articles.Count;
        }

        return articles;
    }
}
