using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Ingest.Core.Extraction;

namespace Ingest.Benchmarks;

/// <summary>
/// The whole Core pipeline (decode, normalise, detect, read, assemble) over the 130 real pages of one shape per
/// operation; the MB/s column is the shape's bytes over the mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 15)]
[Config(typeof(ThroughputConfig))]
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
    public int ExtractAllPages()
    {
        var articles = 0;
        foreach (var (name, bytes) in _files)
        {
            articles += _extractor.Extract(bytes, name).Articles.Count;
        }

        return articles;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }
}

/// <summary>Megabytes of input per second of mean time, for benchmarks whose operation reads one shape's pages.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Megabytes of page read per second (the shape's bytes over the mean time)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        // The summary is made in the host process, not the one that ran the benchmark: the bytes are counted here again.
        var shape = benchmarkCase.Parameters["Shape"] as string ?? "";
        var bytes = RealPageFiles.Load(shape).Sum(f => (long)f.Bytes.Length);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (bytes / (mean.Value / 1e9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
