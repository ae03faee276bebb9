using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host.Development;

namespace Ingest.Load;

/// <summary>A burst of files dropped into a running standalone host, measured from outside the host process.</summary>
internal static class BurstRun
{
    /// <summary>The container the burst drops its files into (the floor's trigger watches it too).</summary>
    public const string Container = "articles";

    public static async Task<int> MainAsync(string[] args)
    {
        var count = Option(args, "--files", 64);
        var mib = Option(args, "--mib", 10);
        var parallel = Option(args, "--parallel", Math.Min(count, 64));
        var hostCount = Option(args, "--hosts", 1);
        var kib = Option(args, "--kib", 0); // small files: overrides --mib
        var real = args.Contains("--real");
        var withAz = args.Contains("--az");
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run inside the Ingest repository.");
        var hostDll = HostDll(root);

        await using var azurite = await LocalAzurite.StartAsync(root, dataFolder: null, ports: (0, 0, 0));
        var options = new IngestOptions { ArticlesContainer = Container };
        var storage = new IngestStorage(azurite.ConnectionString, options);
        await storage.EnsureCreatedAsync();
        var ingestions = new IngestionStore(storage);

        // Several hosts share the default host id, as a scale-out runs them. The floor runs the same trigger in hosts of its own.
        var floor = args.Contains("--floor") ? new FloorDownloads() : null;
        var hosts = Enumerable.Range(0, hostCount).Select(_ => floor is null ? StartHost(hostDll, azurite.ConnectionString) : floor.StartHost(azurite.ConnectionString)).ToList();
        if (floor is not null)
        {
            await floor.WaitReadyAsync(hostCount);
        }
        else
        {
            foreach (var started in hosts)
            {
                await WaitHealthyAsync(started.Port);
            }
        }

        var idleKib = RssKib(hosts[0].Process.Id);
        await using var subscriber = args.Contains("--subscriber") && storage.ArticleEventsQueue is { } events ? new EventSubscriber(events) : null;
        var files = real ? BurstFiles.Real(root, count) : BurstFiles.Stories(count, kib > 0 ? kib * 1024 : mib * 1024 * 1024);
        var bytes = files.Sum(f => (long)f.Body.ToMemory().Length);
        using var sampler = new RssSampler(hosts.Select(h => h.Process.Id).ToList());
        var clock = Stopwatch.StartNew();
        var began = DateTimeOffset.UtcNow;
        if (withAz)
        {
            await UploadWithAzAsync(files, azurite.ConnectionString);
        }
        else
        {
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (file, ct) =>
                await storage.Articles.UploadAsync(file.Name, file.Body, ct));
        }

        var uploaded = clock.Elapsed;
        var limit = TimeSpan.FromSeconds(Option(args, "--limit", 900));
        var final = floor is null
            ? (await WaitUntilFinalAsync(ingestions, count, limit)).Where(r => r.Status != IngestionStatus.Processing).Select(Completion.Of).ToList()
            : await floor.WaitAsync(count, limit);
        // When each file reached its final status (seconds from the upload's start), and its latency from its own upload.
        var done = final.Select(c => (c.Done - began).TotalSeconds).Order().ToList();
        var latency = final.Where(c => c.LastModified is not null).Select(c => (c.Done - c.LastModified!.Value).TotalSeconds).Order().ToList();
        var statuses = final.GroupBy(c => c.Outcome).Select(g => $"{g.Key} {g.Count()}");
        var shape = real ? "corpus and real pages, every format" : $"stories of {files[0].Body.ToMemory().Length / 1024} KiB";
        var uploader = withAz ? "az storage blob upload-batch" : $"the Azure SDK, {parallel} at once";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} files ({bytes / 1e6:F1} MB, {shape}) uploaded with {uploader} into {hostCount} {(floor is null ? "host(s)" : "floor host(s): the same blob trigger, a function that only downloads")} in {uploaded.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  final: {final.Count}/{count} ({string.Join(", ", statuses)}; {final.Count(c => c.Repeated)} delivered more than once)"));
        if (done.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  last final {done[^1] - uploaded.TotalSeconds:F1} s after the upload ended ({done[^1]:F1} s after it began); 90 % at {Percentile(done, 0.9):F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  steady rate {SteadyRate(done):F1} files/s (10th to 90th percentile of completions)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ingestion latency (upload to final status): p50 {Percentile(latency, 0.5):F2} s, p95 {Percentile(latency, 0.95):F2} s, max {latency[^1]:F2} s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  host RSS: {idleKib / 1024} MiB idle, peak {sampler.PeakKib / 1024} MiB (sampled every 100 ms)"));
        if (subscriber is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  article events read and deleted by a subscriber: {subscriber.Read}"));
        }

        // Sampling stops before the hosts do: a killed host's status, read at the wrong moment, has no memory to report.
        sampler.Dispose();
        foreach (var started in hosts)
        {
            started.Process.Kill(entireProcessTree: true);
            started.Dispose();
        }

        return final.Count == count ? 0 : 1;
    }

    /// <summary>
    /// Every ingestion record once <paramref name="count"/> of them have a final status, or as they stand when
    /// <paramref name="limit"/> runs out. Each file's time is read from its record, not from when this loop saw it: polling
    /// seldom keeps the load off Azurite.
    /// </summary>
    public static async Task<List<IngestionRecord>> WaitUntilFinalAsync(IngestionStore ingestions, int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var records = await ingestions.ListAllAsync();
            if (records.Count(r => r.Status != IngestionStatus.Processing) == count || clock.Elapsed >= limit)
            {
                return records;
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    /// <summary>The value at or below which a share <paramref name="p"/> of the sorted values lie (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Files per second between the 10th and the 90th percentile of completions: the rate once the burst is under way, before its tail.</summary>
    private static double SteadyRate(List<double> done)
    {
        var first = Percentile(done, 0.1);
        var last = Percentile(done, 0.9);
        return last > first ? done.Count * 0.8 / (last - first) : double.NaN;
    }

    /// <summary>Writes the files to a folder and drops them as a user would: <c>az storage blob upload-batch</c>.</summary>
    private static async Task UploadWithAzAsync(List<(string Name, BinaryData Body)> files, string connectionString)
    {
        var folder = Directory.CreateTempSubdirectory("ingest-burst-");
        try
        {
            foreach (var (name, body) in files)
            {
                var path = Path.Combine(folder.FullName, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, body.ToArray());
            }

            // Its progress bar goes to standard error, a line per file: kept, and shown only if the upload fails.
            var start = new ProcessStartInfo("az") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in (string[])["storage", "blob", "upload-batch", "--destination", Container, "--source", folder.FullName,
                         "--connection-string", connectionString, "--overwrite", "--only-show-errors", "--output", "none"])
            {
                start.ArgumentList.Add(argument);
            }

            using var az = Process.Start(start) ?? throw new InvalidOperationException("az did not start (apt-get install azure-cli).");
            var errors = await az.StandardError.ReadToEndAsync();
            await az.WaitForExitAsync();
            if (az.ExitCode != 0)
            {
                throw new InvalidOperationException($"az storage blob upload-batch exited with {az.ExitCode}: {errors[^Math.Min(errors.Length, 2000)..]}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Samples the hosts' resident memory every 100 ms and keeps the largest (KiB).</summary>
    private sealed class RssSampler : IDisposable
    {
        private readonly Timer _timer;

        public RssSampler(List<int> pids) => _timer = new Timer(_ => Sample(pids), null, 0, 100);

        public long PeakKib { get; private set; }

        public void Dispose() => _timer.Dispose();

        private void Sample(List<int> pids)
        {
            try
            {
                PeakKib = Math.Max(PeakKib, pids.Max(RssKib));
            }
            catch (IOException)
            {
                // A host that has just exited has no /proc entry: its peak was sampled already.
            }
        }
    }

    /// <summary>The Release build of the standalone host, which the load runs start as processes.</summary>
    public static string HostDll(string root)
    {
        var hostDll = Path.Combine(root, "src", "Ingest.Host", "bin", "Release", "net10.0", "Ingest.Host.dll");
        return File.Exists(hostDll) ? hostDll : throw new FileNotFoundException($"Build the host first: dotnet build -c Release src/Ingest.Host ({hostDll} is missing).");
    }

    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public sealed record RunningHost(Process Process, int Port) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    public static RunningHost StartHost(string hostDll, string connectionString, string? argument = null, Action<string?>? onOutput = null)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(hostDll)! };
        start.ArgumentList.Add(hostDll);
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Ingest__TokenSigningKey"] = "a-test-signing-key-of-at-least-32-characters";
        start.Environment["Ingest__ApiKey"] = "load-test-key";
        start.Environment["Logging__LogLevel__Default"] = Environment.GetEnvironmentVariable("Logging__LogLevel__Default") ?? "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        // INGEST_LOAD_HOST_LOG=file keeps the hosts' console output (with Logging__LogLevel__Default=Information, each ingestion's time).
        var log = Environment.GetEnvironmentVariable("INGEST_LOAD_HOST_LOG") is { Length: > 0 } path
            ? TextWriter.Synchronized(new StreamWriter(path, append: true) { AutoFlush = true })
            : null;
        process.OutputDataReceived += (_, line) =>
        {
            log?.WriteLine(line.Data);
            onOutput?.Invoke(line.Data);
        };
        process.BeginOutputReadLine();
        return new RunningHost(process, port);
    }

    public static async Task WaitHealthyAsync(int port)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The host did not become healthy.");
    }

    /// <summary>The process's resident set now (KiB), from /proc.</summary>
    /// <summary>The resident memory of a process; 0 for one that has exited but is not yet reaped (its status has no <c>VmRSS</c>).</summary>
    private static long RssKib(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
