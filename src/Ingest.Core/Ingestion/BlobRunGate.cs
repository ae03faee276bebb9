namespace Ingest.Core.Ingestion;

/// <summary>
/// One run of a blob at a time in this host. The polling trigger's delivery, the new-blob lane's and a second delivery
/// of the trigger's own can reach one host together; without a gate each reads the record before the other has written
/// it, and both extract and write the same content (a record of two attempts, and a reprocessed article stored twice
/// over). With it the later run waits for the earlier one and then reads the record it left: done, for the same content.
/// Runs of different blobs never wait on each other. Hosts apart are not gated here: each write there is conditional on
/// the record's ETag, and a second host's run of the same content writes it once more at most.
/// </summary>
public sealed class BlobRunGate
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Turn> _turns = new(StringComparer.Ordinal);

    /// <summary>Waits until no other run of <paramref name="blobName"/> is under way in this host; dispose the result to let the next one go.</summary>
    public async ValueTask<IDisposable> EnterAsync(string blobName, CancellationToken cancellationToken = default)
    {
        Turn turn;
        lock (_gate)
        {
            if (!_turns.TryGetValue(blobName, out turn!))
            {
                turn = new Turn(this, blobName);
                _turns.Add(blobName, turn);
            }

            turn.Runs++;
        }

        try
        {
            await turn.Running.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(turn);
            throw;
        }

        return new Exit(turn);
    }

    private void Leave(Turn turn)
    {
        lock (_gate)
        {
            if (--turn.Runs == 0)
            {
                _turns.Remove(turn.BlobName);
            }
        }
    }

    /// <summary>The runs of one blob, the one under way and those waiting: forgotten when the last leaves.</summary>
    private sealed class Turn(BlobRunGate gate, string blobName)
    {
        public BlobRunGate Gate { get; } = gate;
        public string BlobName { get; } = blobName;
        public SemaphoreSlim Running { get; } = new(1, 1);
        public int Runs { get; set; }
    }

    private sealed class Exit(Turn turn) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                turn.Running.Release();
                turn.Gate.Leave(turn);
            }
        }
    }
}
