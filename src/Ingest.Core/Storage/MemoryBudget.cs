namespace Ingest.Core.Storage;

/// <summary>
/// How many bytes of files one host holds in memory at once, across every ingestion and upload it runs. Reading,
/// decoding and parsing a file costs many times its size, and the trigger runs many files at once (8 × cores by
/// default), so without a bound a burst of large files takes gigabytes. Each file takes its size from the budget
/// before its body is read and gives it back when done; small files flow past while large ones wait their turn, in
/// arrival order. A file larger than the whole budget runs alone.
/// <para>
/// A large file leaves hundreds of megabytes of garbage behind (its text copied through every stage), and the GC,
/// left to itself, lets it pile up over several such files before a full collection. When a file of at least
/// <c>collectAfterBytes</c> gives its memory back, a full, compacting collection that returns the freed memory to the
/// system is queued (<paramref name="collect"/>; the GC's by default), so the next large file starts from a small heap.
/// A run may also ask for one at a point where much of its own garbage is behind it (<see cref="Share.CollectGarbage"/>):
/// the ingestor asks between extracting a file and writing its rows, so that the file's text, copied through every
/// stage, is not still held when the rows are built.
/// </para>
/// </summary>
public sealed class MemoryBudget(long capacityBytes, long collectAfterBytes = long.MaxValue, Action? collect = null)
{
    private readonly Action _collect = collect ?? CollectEverything;
    private readonly Lock _gate = new();
    private readonly LinkedList<(long Bytes, TaskCompletionSource Granted)> _waiting = new();
    private long _available = capacityBytes;

    public long CapacityBytes { get; } = capacityBytes;

    /// <summary>Waits until <paramref name="bytes"/> (at most the whole budget) are free and takes them; dispose the result to give them back.</summary>
    public async ValueTask<Share> TakeAsync(long bytes, CancellationToken cancellationToken = default)
    {
        var weight = Math.Clamp(bytes, 1, CapacityBytes);
        LinkedListNode<(long, TaskCompletionSource)> node;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _available >= weight)
            {
                _available -= weight;
                return new Share(this, weight);
            }

            node = _waiting.AddLast((weight, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }

        var granted = node.Value.Item2;
        await using (cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    _waiting.Remove(node);
                    granted.TrySetCanceled(cancellationToken);
                }
            }
        }))
        {
            await granted.Task;
        }

        return new Share(this, weight);
    }

    private void Give(long bytes)
    {
        lock (_gate)
        {
            _available += bytes;
            while (_waiting.First is { } first && first.Value.Bytes <= _available)
            {
                _available -= first.Value.Bytes;
                _waiting.RemoveFirst();
                first.Value.Granted.TrySetResult();
            }
        }

        if (IsLarge(bytes))
        {
            // Queued, not run here: the run giving the memory back still holds its file until it returns.
            ThreadPool.UnsafeQueueUserWorkItem(static collect => collect(), _collect, preferLocal: false);
        }
    }

    private bool IsLarge(long bytes) => bytes >= collectAfterBytes;

    private static void CollectEverything() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Bytes taken from the budget by one file: disposing gives them back.</summary>
    public sealed class Share : IDisposable
    {
        private readonly MemoryBudget _budget;
        private readonly long _bytes;
        private int _given;

        internal Share(MemoryBudget budget, long bytes) => (_budget, _bytes) = (budget, bytes);

        /// <summary>
        /// For a share of a large file (<c>collectAfterBytes</c> or more), a full, compacting collection now, on the caller's
        /// thread; nothing for a small one. Call it where the run has just let go of most of what it made.
        /// </summary>
        public void CollectGarbage()
        {
            if (_budget.IsLarge(_bytes))
            {
                _budget._collect();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
            {
                _budget.Give(_bytes);
            }
        }
    }
}
