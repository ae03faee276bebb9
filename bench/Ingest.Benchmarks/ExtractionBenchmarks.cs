using BenchmarkDotNet.Attributes;

namespace Ingest.Benchmarks;

/// <summary>
/// The whole Core pipeline (decode, normalise, detect, read, assemble) over the 130 real pages of one shape per
/// operation; the MB/s column is the shape's bytes over the mean time.
/// </summary>
public class ExtractionBenchmarks : RealPageBenchmarks
{
    [Params(".html", ".txt", ".md")]
    public override string Shape { get; set; } = ".html";

    [Benchmark]
    public int ExtractAllPages() => ExtractAll();
}
