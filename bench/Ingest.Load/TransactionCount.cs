using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Ingest.Core.Composition;
using Ingest.Core.Events;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host.Development;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.Load;

/// <summary>
/// Storage transactions one ingestion makes, counted by a pipeline policy on every client: what Ingest costs per
/// 1,000 files (billing counts transactions). The trigger's own calls (a polling scan, its queue messages; none with
/// Event Grid) and the sweep are not in it.
/// </summary>
internal static class TransactionCount
{
    public static async Task<int> MainAsync(string[] args)
    {
        var files = BurstRun.Option(args, "--files", 100);
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run inside the Ingest repository.");
        await using var azurite = await LocalAzurite.StartAsync(root, dataFolder: null, ports: (0, 0, 0));
        var options = new IngestOptions { ArticlesContainer = "articles" };
        var uploader = new IngestStorage(azurite.ConnectionString, options);
        await uploader.EnsureCreatedAsync();

        var counter = new Counter(azurite);
        var storage = new IngestStorage(azurite.ConnectionString, options, counter.AddTo);
        // As a host starts: the tables told apart (fresh, so no look under old row keys), then counting from zero.
        await storage.EnsureCreatedAsync();
        counter.Counts.Clear();
        var ingestions = new IngestionStore(storage);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), new ArticleStore(storage, TimeProvider.System, new ArticleEvents(storage, TimeProvider.System)), ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        var seeds = Directory.GetFiles(Path.Combine(root, "seeds")).Order(StringComparer.Ordinal).ToList();

        var articles = 0;
        for (var i = 0; i < files; i++)
        {
            var seed = seeds[i % seeds.Count];
            var name = $"cost/{i:D5}{Path.GetExtension(seed)}";
            await uploader.Articles.UploadAsync(name, BinaryData.FromBytes(await File.ReadAllBytesAsync(seed)));
            articles += (await ingestor.IngestAsync(name)).ArticleIds.Count;
        }

        Console.WriteLine($"{files} files ({articles} articles) from seeds/, ingested one at a time; storage transactions per file:");
        foreach (var (kind, count) in counter.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind,-26} {(double)count / files,6:F2}   per 1,000 files: {count * 1000 / files,7}");
        }

        Console.WriteLine($"  {"total",-26} {(double)counter.Counts.Values.Sum() / files,6:F2}   per 1,000 files: {counter.Counts.Values.Sum() * 1000 / files,7}");
        return 0;
    }

    /// <summary>Counts each request by service (from Azurite's port) and kind (read or write).</summary>
    private sealed class Counter(LocalAzurite azurite) : HttpPipelineSynchronousPolicy
    {
        public ConcurrentDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

        public override void OnSendingRequest(HttpMessage message)
        {
            var port = message.Request.Uri.Port;
            var service = port == azurite.BlobPort ? "blob" : port == azurite.TablePort ? "table" : port == azurite.QueuePort ? "queue" : "other";
            var method = message.Request.Method;
            var kind = method == RequestMethod.Get || method == RequestMethod.Head ? "read" : "write";
            if (service == "table" && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                kind = "transaction (batch)";
            }

            Counts.AddOrUpdate($"{service} {kind}", 1, (_, n) => n + 1);
        }
    }
}
