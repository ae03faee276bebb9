using System.Collections.Concurrent;

namespace Ingest.Core.Ingestion;

/// <summary>
/// The blob versions this host has seen a record for, by name: what lets the new-blob lane list a large container every
/// few seconds without reading a record per blob each time. Only a hint: a version missing here is read from storage,
/// and the full sweep checks every blob against the records whatever this says. Bounded: past
/// <see cref="MaxBlobs"/> names it starts again empty (each blob's record is then read once more).
/// </summary>
internal sealed class SeenRecorded
{
    public const int MaxBlobs = 1_000_000;

    private readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);

    public bool Has(string blobName, string etag) => _etags.TryGetValue(blobName, out var seen) && seen == etag;

    public void Note(string blobName, string etag)
    {
        if (_etags.Count >= MaxBlobs)
        {
            _etags.Clear();
        }

        _etags[blobName] = etag;
    }
}
