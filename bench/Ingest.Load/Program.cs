using Ingest.Load;

// Usage: dotnet build -c Release src/Ingest.Host && dotnet run -c Release --project bench/Ingest.Load -- burst
//          [--files N] [--mib M | --kib K] [--parallel P] [--hosts H]
// Starts Azurite (in memory, free ports) and H standalone hosts with one host id (Release build of src/Ingest.Host),
// uploads N files of M MiB (or K KiB) straight to the container P at a time, waits until every file has a final status,
// and prints the time to 100 % and the first host's peak resident memory (VmHWM).
//
//        dotnet run -c Release --project bench/Ingest.Load -- transactions [--files N]
// Counts the storage transactions each ingestion makes (what Ingest costs per 1,000 files).
return args is ["transactions", ..] ? await TransactionCount.MainAsync(args) : await BurstRun.MainAsync(args);
