using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

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
        if (benchmarkCase.Parameters["Shape"] is not string { Length: > 0 } shape)
        {
            return "-";
        }

        var bytes = RealPageFiles.Load(shape).Sum(f => (long)f.Bytes.Length);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (bytes / (mean.Value / 1e9) / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
