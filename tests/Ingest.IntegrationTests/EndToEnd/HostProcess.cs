using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ingest.Core.Composition;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>
/// The standalone host run as users run it: its own process (<c>dotnet Ingest.Host.dll</c>), configured through
/// environment variables, on a free port, against the test Azurite. Killed when disposed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private HostProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the host printed, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <param name="hostId">The WebJobs host id; a host restarted after a crash keeps its predecessor's, unrelated hosts get their own.</param>
    /// <param name="settings">More settings, as environment variables (<c>Ingest__SweepInterval</c>).</param>
    public static async Task<HostProcess> StartAsync(string connectionString, IngestOptions options, string apiKey, string hostId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ingest.Host.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["Ingest__TokenSigningKey"] = "a-test-signing-key-of-at-least-32-characters";
        start.Environment["Ingest__ArticlesContainer"] = options.ArticlesContainer;
        start.Environment["Ingest__ArticlesTable"] = options.ArticlesTable;
        start.Environment["Ingest__SectionsTable"] = options.SectionsTable;
        start.Environment["Ingest__IngestionsTable"] = options.IngestionsTable;
        start.Environment["Ingest__IngestionIndexTable"] = options.IngestionIndexTable;
        start.Environment["Ingest__ArticleEventsQueue"] = options.ArticleEventsQueue;
        start.Environment["Ingest__ApiKey"] = apiKey;
        start.Environment["Ingest__HostId"] = hostId;
        // The sweep heals what the trigger misses (a crash, an overwrite the container scan skipped); run it often here.
        start.Environment["Ingest__SweepInterval"] = "00:00:05";
        start.Environment["Ingest__StuckProcessingAfter"] = "00:00:05";
        start.Environment["Ingest__UnrecordedAfter"] = "00:00:05";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }


        var output = new ConcurrentQueue<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Asks the host to stop (SIGTERM, as Ctrl+C or a service manager would), so it releases its trigger locks; kills it if it will not.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Client.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited ({_process.ExitCode}):{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
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

        throw new TimeoutException($"The host did not become healthy within {timeout}:{Environment.NewLine}{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
