using BenchmarkDotNet.Attributes;
using Ingest.Core.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// Benchmarks over the 130 real pages of one shape per operation: the pages are loaded once per shape, and the whole
/// Core pipeline over them is <see cref="ExtractAll"/>. Each subclass names its shapes on <see cref="Shape"/>.
/// </summary>
[MemoryDiagnoser]
public abstract class RealPageBenchmarks
{
    private readonly ArticleExtractor _extractor = new();

    /// <summary>The file extension of the pages read (the MB/s column counts that shape's bytes).</summary>
    public abstract string Shape { get; set; }

    protected IReadOnlyList<(string Name, byte[] Bytes)> Files { get; private set; } = [];

    [GlobalSetup]
    public void LoadPages() => Files = RealPageFiles.Load(Shape);

    /// <summary>Every page through the whole pipeline (decode, normalise, detect, read, assemble); the articles found.</summary>
    protected int ExtractAll()
    {
        var articles = 0;
        foreach (var (name, bytes) in Files)
        {
            articles += _extractor.Extract(bytes, name).Articles.Count;
        }

        return articles;
    }
}
