using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host.Development;

namespace Ingest.Load;

/// <summary>
/// <c>GET /api/articles/{id}</c> from a running host against the floor under it, one raw point read of the article's
/// row, both timed from this process at the same concurrency over the same articles.
/// </summary>
internal static class GetLatency
{
    public static async Task<int> MainAsync(string[] args)
    {
        var requests = BurstRun.Option(args, "--requests", 2_000);
        var fileCount = BurstRun.Option(args, "--files", 137); // the first 8 are the corpus's own tidy files, the rest real pages
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run inside the Ingest repository.");
        var hostDll = BurstRun.HostDll(root);
        await using var azurite = await LocalAzurite.StartAsync(root, dataFolder: null, ports: (0, 0, 0));
        var storage = new IngestStorage(azurite.ConnectionString, new IngestOptions { ArticlesContainer = "articles" });
        await storage.EnsureCreatedAsync();
        using var host = BurstRun.StartHost(hostDll, azurite.ConnectionString);
        await BurstRun.WaitHealthyAsync(host.Port);

        // The corpus and the real pages, every format: articles of every size the API serves.
        var files = BurstFiles.Real(root, fileCount);
        await Parallel.ForEachAsync(files, async (file, ct) => await storage.Articles.UploadAsync(file.Name, file.Body, ct));
        var ingestions = new IngestionStore(storage);
        var ids = await WaitForArticlesAsync(ingestions, files.Count);
        Console.WriteLine($"{ids.Count} articles from {files.Count} files; {requests} reads per row below, after {requests / 10} to warm up");

        var articles = new ArticleStore(storage, TimeProvider.System);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}") };
        foreach (var concurrency in (int[])[1, 8])
        {
            var api = await TimeAsync(ids, requests, concurrency, async id =>
                (await http.GetAsync(new Uri($"/api/articles/{id}", UriKind.Relative))).EnsureSuccessStatusCode().Dispose());
            var raw = await TimeAsync(ids, requests, concurrency, async id =>
                await storage.ArticlesTable.GetEntityAsync<TableEntity>(CatalogKeys.PartitionOf(id)!, CatalogKeys.Article(id)));
            // What the route's handler does, in this process: the store's read and the JSON it answers with.
            var handler = await TimeAsync(ids, requests, concurrency, async id =>
                JsonSerializer.SerializeToUtf8Bytes((await articles.GetAsync(id))!, IngestJson.Context.ArticleDto));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  concurrency {concurrency}: in process, the route's read and JSON p50 {handler.P50:F2} ms, p95 {handler.P95:F2} ms; p50 ratio to the raw read {handler.P50 / raw.P50:F2}×"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  concurrency {concurrency}: GET /api/articles/{{id}} p50 {api.P50:F2} ms, p95 {api.P95:F2} ms; raw point read p50 {raw.P50:F2} ms, p95 {raw.P95:F2} ms; p50 ratio {api.P50 / raw.P50:F2}×"));
        }

        host.Process.Kill(entireProcessTree: true);
        return 0;
    }

    private static async Task<List<string>> WaitForArticlesAsync(IngestionStore ingestions, int files)
    {
        var records = await BurstRun.WaitUntilFinalAsync(ingestions, files, TimeSpan.FromMinutes(5));
        return records.Count == files && records.All(r => r.Status != IngestionStatus.Processing)
            ? records.SelectMany(r => r.ArticleIds).Order(StringComparer.Ordinal).ToList()
            : throw new TimeoutException("The files were not all ingested within 5 minutes.");
    }

    /// <summary>Milliseconds per call at <paramref name="concurrency"/> callers, the articles taken in turn; a tenth more calls first, untimed.</summary>
    private static async Task<(double P50, double P95)> TimeAsync(List<string> ids, int requests, int concurrency, Func<string, Task> call)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, requests / 10), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await call(ids[i % ids.Count]));
        var times = new double[requests];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            await call(ids[i % ids.Count]);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        Array.Sort(times);
        return (BurstRun.Percentile(times, 0.5), BurstRun.Percentile(times, 0.95));
    }
}
