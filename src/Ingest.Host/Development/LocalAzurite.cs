using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ingest.Host.Development;

/// <summary>
/// Azurite, the storage emulator, run from the repository's pinned npm package: by the standalone host in
/// Development (on the default ports, data under <c>.azurite/</c>) and by the tests (on free ports, in memory).
/// Installs the package with <c>npm ci</c> when <c>node_modules</c> is missing, and stops the process on dispose.
/// </summary>
public sealed partial class LocalAzurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // Azurite's well-known development key: public, the same for every installation.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string SetSid = "/usr/bin/setsid";

    private readonly Process _process;

    private LocalAzurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();

    /// <param name="repositoryRoot">The folder holding package.json with the pinned azurite package.</param>
    /// <param name="dataFolder">Where Azurite keeps its data; null keeps everything in memory.</param>
    /// <param name="ports">Blob, queue and table ports; 0 lets the system choose free ones.</param>
    public static async Task<LocalAzurite> StartAsync(string repositoryRoot, string? dataFolder, (int Blob, int Queue, int Table) ports, CancellationToken cancellationToken = default)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await InstallAsync(repositoryRoot, cancellationToken);
        }

        // In a session of its own, Ctrl+C in the terminal reaches the host only, which then stops Azurite last,
        // after the trigger's listeners have shut down cleanly against a storage that still answers.
        var detach = File.Exists(SetSid);
        var start = new ProcessStartInfo(detach ? SetSid : "node")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (detach)
        {
            start.ArgumentList.Add("node");
        }

        foreach (var argument in new[]
        {
            script, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", ports.Blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queuePort", ports.Queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tablePort", ports.Table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node to run Azurite.");
        var listening = new Dictionary<string, int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                lock (listening)
                {
                    listening[match.Groups["service"].Value] = int.Parse(match.Groups["port"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                    if (listening.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("Azurite exited while starting: " + string.Join(Environment.NewLine, output)));

        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            Stop(process);
            throw;
        }

        return new LocalAzurite(process, listening["Blob"], listening["Queue"], listening["Table"]);
    }

    /// <summary>Whether something already listens on a local port (an Azurite started earlier, or another emulator).</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromMilliseconds(500));
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    /// <summary>Stops Azurite the way Ctrl+C would (SIGTERM), so it writes its data out; kills it if it does not stop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && OperatingSystem.IsWindows())
        {
            // Windows has no SIGTERM to send: stop it outright (Azurite saves its data as it goes).
            Stop(_process);
        }
        else if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Stop(_process);
            }
        }

        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static async Task InstallAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        // On Windows npm is a script, npm.cmd, which Process.Start finds only by its full name.
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm to install Azurite.");
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        _ = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' in {repositoryRoot} failed ({npm.ExitCode}): {await stderr}");
        }
    }
}
