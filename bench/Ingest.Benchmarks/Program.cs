using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ingest.Benchmarks;

// Usage: dotnet run -c Release --project bench/Ingest.Benchmarks -- [--short] [BenchmarkDotNet options, e.g. --filter '*Stage*']
// The real pages are read from INGEST_REAL_PAGES, else from ../shared/real-pages beside the repository.
// --short (CI): every benchmark once, in process; the numbers only show that each runs. Exit code 1 when a benchmark
// threw or gave no result.
var isShort = args.Contains("--short");
var job = isShort
    ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("short")
    : Job.Default.WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(15);
var config = DefaultConfig.Instance.AddJob(job.AsDefault()).AddColumn(new ThroughputColumn());
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Where(a => a != "--short").ToArray(), config).ToList();
return BenchmarkRuns.Failures(summaries) is { Count: > 0 } failures ? Report(failures) : 0;

static int Report(IReadOnlyList<string> failures)
{
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"benchmark failed: {failure}");
    }

    return 1;
}
