using BenchmarkDotNet.Reports;

namespace Ingest.Benchmarks;

/// <summary>What went wrong in a run of benchmarks: a benchmark that threw, or one that gave no result.</summary>
public static class BenchmarkRuns
{
    public static IReadOnlyList<string> Failures(IReadOnlyList<Summary> summaries)
    {
        var failures = new List<string>();
        if (summaries.Count == 0 || summaries.All(s => s.BenchmarksCases.Length == 0))
        {
            failures.Add("no benchmark ran (check --filter)");
        }

        foreach (var summary in summaries)
        {
            failures.AddRange(summary.ValidationErrors.Where(e => e.IsCritical).Select(e => e.Message));
            foreach (var benchmark in summary.BenchmarksCases)
            {
                var report = summary[benchmark];
                if (report is null || !report.Success || report.ResultStatistics is null)
                {
                    failures.Add($"{benchmark.DisplayInfo}: no result");
                }
            }
        }

        return failures;
    }
}
