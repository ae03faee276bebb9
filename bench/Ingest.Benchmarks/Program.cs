using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project bench/Ingest.Benchmarks -- [BenchmarkDotNet options, e.g. --filter '*Extraction*']
// The real pages are read from INGEST_REAL_PAGES, else from ../shared/real-pages beside the repository.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
