using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host.Development;

namespace Ingest.Load;

/// <summary>A burst of files dropped into a running standalone host, measured from outside the host process.</summary>
internal static class BurstRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var files = Option(args, "--files", 64);
        var mib = Option(args, "--mib", 10);
        var parallel = Option(args, "--parallel", files);
        var hostCount = Option(args, "--hosts", 1);
        var kib = Option(args, "--kib", 0); // small files: overrides --mib
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("Run inside the Ingest repository.");
        var hostDll = Path.Combine(root, "src", "Ingest.Host", "bin", "Release", "net10.0", "Ingest.Host.dll");
        if (!File.Exists(hostDll))
        {
            Console.Error.WriteLine($"Build the host first: dotnet build -c Release src/Ingest.Host ({hostDll} is missing).");
            return 2;
        }

        await using var azurite = await LocalAzurite.StartAsync(root, dataFolder: null, ports: (0, 0, 0));
        var options = new IngestOptions { ArticlesContainer = "articles" };
        var storage = new IngestStorage(azurite.ConnectionString, options);
        await storage.EnsureCreatedAsync();
        var ingestions = new IngestionStore(storage);

        // Several hosts share the default host id, as a scale-out runs them.
        var hosts = Enumerable.Range(0, hostCount).Select(_ => StartHost(hostDll, azurite.ConnectionString)).ToList();
        foreach (var started in hosts)
        {
            await WaitHealthyAsync(started.Port);
        }

        var host = hosts[0];
        var baseline = Rss(host.Process.Id);

        var size = kib > 0 ? kib * 1024 : mib * 1024 * 1024;
        var body = BinaryData.FromBytes(Story(size));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, files), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
            await storage.Articles.UploadAsync($"burst/{i:D5}.txt", body, ct));
        var uploaded = clock.Elapsed;

        var final = 0;
        var firstFinal = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            final = (await ingestions.ListAllAsync()).Count(r => r.Status != IngestionStatus.Processing);
            firstFinal = final > 0 && firstFinal == TimeSpan.Zero ? clock.Elapsed : firstFinal;
            if (final == files)
            {
                break;
            }

            await Task.Delay(500);
        }

        var peak = Rss(host.Process.Id);
        var records = await ingestions.ListAllAsync();
        var statuses = records.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files} files × {size / 1024} KiB, {parallel} uploads at once, {hostCount} host(s): uploaded in {uploaded.TotalSeconds:F1} s, "
            + $"{final}/{files} final after {clock.Elapsed.TotalSeconds:F1} s ({(clock.Elapsed - uploaded).TotalSeconds:F1} s after the upload ended; first at {firstFinal.TotalSeconds:F1} s) "
            + $"({string.Join(", ", statuses)}; {records.Count(r => r.Attempts > 1)} delivered more than once)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host RSS: {baseline.Current / 1024} MiB idle, peak {peak.Peak / 1024} MiB"));
        foreach (var started in hosts)
        {
            started.Process.Kill(entireProcessTree: true);
            started.Dispose();
        }

        return final == files ? 0 : 1;
    }

    /// <summary>A plain-text story of just under <paramref name="bytes"/> bytes (10 MiB is the largest file ingested): a headline, then paragraphs.</summary>
    private static byte[] Story(int bytes)
    {
        var text = new StringBuilder("A Very Long Story\n\nBy Ann Lee\n\n", bytes + 200);
        var paragraph = 0;
        while (text.Length < bytes - 200)
        {
            text.Append(CultureInfo.InvariantCulture, $"Paragraph {paragraph++} of a long story, with enough words in it to read as prose, and a comma.\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed record RunningHost(Process Process, int Port) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private static RunningHost StartHost(string hostDll, string connectionString)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(hostDll)! };
        start.ArgumentList.Add(hostDll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Ingest__TokenSigningKey"] = "a-test-signing-key-of-at-least-32-characters";
        start.Environment["Ingest__ApiKey"] = "load-test-key";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return new RunningHost(process, port);
    }

    private static async Task WaitHealthyAsync(int port)
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

    /// <summary>The process's resident set now and at its peak (KiB), from /proc.</summary>
    private static (long Current, long Peak) Rss(int pid)
    {
        long current = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) { current = Kib(line); }
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) { peak = Kib(line); }
        }

        return (current, peak);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
