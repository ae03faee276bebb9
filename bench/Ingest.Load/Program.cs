using Ingest.Load;

// Usage: dotnet build -c Release src/Ingest.Host && dotnet run -c Release --project bench/Ingest.Load -- burst
//          [--files N] [--real | --mib M | --kib K] [--az] [--parallel P] [--hosts H]
// Starts Azurite (in memory, free ports) and H standalone hosts with one host id (Release build of src/Ingest.Host),
// uploads N files (stories of M MiB or K KiB, or with --real the corpus and real pages in every format) with the Azure
// SDK P at a time (or with az), waits until every file has a final status, and prints the time to 100 %, the steady
// rate, p50/p95 latency from upload to final status and the hosts' peak resident memory. With --floor the hosts are the
// burst's floor instead (FloorHost: the same WebJobs blob trigger, a function that only downloads), measured the same way.
// --limit S: how long to wait for the files after the upload (default 900 s). --subscriber: read and delete the article
// events as they come during the burst, as a consumer would (EventSubscriber; without one they wait in the queue).
//
//        dotnet run -c Release --project bench/Ingest.Load -- transactions [--files N]
// Counts the storage transactions each ingestion makes (what Ingest costs per 1,000 files).
//
//        dotnet run -c Release --project bench/Ingest.Load -- get [--requests N] [--files N]
// GET /api/articles/{id} from a host against one raw point read of the article's row, at concurrency 1 and 8.
return args switch
{
    ["transactions", ..] => await TransactionCount.MainAsync(args),
    ["get", ..] => await GetLatency.MainAsync(args),
    ["floor-host"] => await FloorHost.MainAsync(),
    _ => await BurstRun.MainAsync(args),
};
