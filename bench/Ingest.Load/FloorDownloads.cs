using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ingest.Load;

/// <summary>
/// The floor hosts of one burst and what they report: each blob's first download (a later one of the same blob marks it
/// delivered more than once), read from the hosts' standard output.
/// </summary>
internal sealed class FloorDownloads
{
    private readonly ConcurrentDictionary<string, Completion> _first = new(StringComparer.Ordinal);
    private int _ready;

    public BurstRun.RunningHost StartHost(string connectionString) =>
        BurstRun.StartHost(typeof(FloorHost).Assembly.Location, connectionString, "floor-host", Record);

    /// <summary>Waits until <paramref name="hosts"/> floor hosts have started their job hosts.</summary>
    public async Task WaitReadyAsync(int hosts)
    {
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _ready) < hosts)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException("The floor host did not start its job host.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Each downloaded blob's first download once <paramref name="count"/> are in, or those in when <paramref name="limit"/> runs out.</summary>
    public async Task<List<Completion>> WaitAsync(int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (_first.Count < count && clock.Elapsed < limit)
        {
            await Task.Delay(100);
        }

        return [.. _first.Values];
    }

    private void Record(string? line)
    {
        if (line == FloorHost.ReadyLine)
        {
            Interlocked.Increment(ref _ready);
        }
        else if (FloorHost.TryParse(line, out var name, out var lastModified, out var done))
        {
            _first.AddOrUpdate(name, new Completion(done, lastModified, "downloaded", Repeated: false), (_, first) => first with { Repeated = true });
        }
    }
}
