using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Ingest.Core.Storage;

namespace Ingest.Core.Ingestion;

/// <summary>
/// One sweeper at a time across every host on the account: a lease on a small blob in <c>Ingest:LeasesContainer</c>
/// (one per articles container). The blob's metadata keeps where the last tick stopped, so a container larger than
/// one tick's budget is swept over several ticks, whichever host runs them.
/// </summary>
internal sealed class SweepLease : IAsyncDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(10);
    private const string ContainerMarkerKey = "containermarker";
    private const string RecordsTokenKey = "recordstoken";

    private readonly IngestStorage _storage;
    private readonly BlobClient _blob;
    private readonly BlobLeaseClient _lease;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private long _renewedTicks; // read outside the lock by concurrent ingestions: a long, not a struct that could tear
    private volatile bool _lost;

    private SweepLease(IngestStorage storage, BlobClient blob, BlobLeaseClient lease, TimeProvider time, SweepCheckpoint checkpoint)
    {
        _storage = storage;
        _blob = blob;
        _lease = lease;
        _time = time;
        _renewedTicks = time.GetUtcNow().UtcTicks;
        Checkpoint = checkpoint;
    }

    /// <summary>Where this tick starts: the continuation of the container listing and of the records, null at the start.</summary>
    public SweepCheckpoint Checkpoint { get; private set; }

    /// <summary>The full sweep's lease (<see cref="IngestionSweeper.SweepAsync"/>).</summary>
    public const string Sweep = "sweep";

    /// <summary>The new-blob lane's lease (<see cref="IngestionSweeper.SweepNewBlobsAsync"/>): it runs beside the full sweep, one host at a time.</summary>
    public const string NewBlobs = "new-blobs";

    /// <summary>The lease on <paramref name="purpose"/> (<see cref="Sweep"/>, <see cref="NewBlobs"/>), or null when another sweeper holds it.</summary>
    public static async Task<SweepLease?> TryAcquireAsync(IngestStorage storage, TimeProvider time, string purpose, CancellationToken cancellationToken)
    {
        var container = storage.Blobs.GetBlobContainerClient(storage.Options.LeasesContainer);
        var blob = container.GetBlobClient(storage.Options.ArticlesContainer + "/" + purpose);
        try
        {
            await storage.Resilience.ExecuteAsync(async ct => await CreateAsync(container, blob, ct), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // It exists (and may be leased): the usual case.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await storage.Resilience.ExecuteAsync(async ct => await lease.AcquireAsync(Duration, cancellationToken: ct), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }

        var properties = await storage.Resilience.ExecuteAsync(async ct => (await blob.GetPropertiesAsync(cancellationToken: ct)).Value, cancellationToken);
        var checkpoint = new SweepCheckpoint(Decode(properties.Metadata, ContainerMarkerKey), Decode(properties.Metadata, RecordsTokenKey));
        return new SweepLease(storage, blob, lease, time, checkpoint);
    }

    private static async Task CreateAsync(BlobContainerClient container, BlobClient blob, CancellationToken cancellationToken)
    {
        var ifNew = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await blob.UploadAsync(BinaryData.Empty, ifNew, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await blob.UploadAsync(BinaryData.Empty, ifNew, cancellationToken);
        }
    }

    /// <summary>Keeps the lease while the tick goes on; false when it was lost (the tick should stop). Safe to call from several ingestions at once.</summary>
    public async Task<bool> KeepAsync(CancellationToken cancellationToken)
    {
        if (!DueForRenewal)
        {
            return !_lost;
        }

        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (!_lost && DueForRenewal)
            {
                await _storage.Resilience.ExecuteAsync(async ct => await _lease.RenewAsync(cancellationToken: ct), cancellationToken);
                Volatile.Write(ref _renewedTicks, _time.GetUtcNow().UtcTicks);
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            _lost = true;
        }
        finally
        {
            _renewing.Release();
        }

        return !_lost;
    }

    private bool DueForRenewal => _time.GetUtcNow().UtcTicks - Volatile.Read(ref _renewedTicks) >= RenewAfter.Ticks;

    /// <summary>Records where the next tick starts.</summary>
    public async Task SaveAsync(SweepCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>();
        Encode(metadata, ContainerMarkerKey, checkpoint.ContainerMarker);
        Encode(metadata, RecordsTokenKey, checkpoint.RecordsToken);
        await _storage.Resilience.ExecuteAsync(
            async ct => await _blob.SetMetadataAsync(metadata, new BlobRequestConditions { LeaseId = _lease.LeaseId }, ct),
            cancellationToken);
        Checkpoint = checkpoint;
    }

    public async ValueTask DisposeAsync()
    {
        _renewing.Dispose();
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _lease.ReleaseAsync(cancellationToken: quick.Token);
        }
        catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException or HttpRequestException)
        {
            // The lease runs out by itself within half a minute.
        }
    }

    // Continuations are opaque service strings; metadata takes ASCII only.
    private static void Encode(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            metadata[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }
    }

    private static string? Decode(IDictionary<string, string> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out var value))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return null; // Start over rather than stop.
        }
    }
}

/// <summary>Where a sweep tick goes on from: the container listing's marker and the Ingestions table's continuation.</summary>
internal sealed record SweepCheckpoint(string? ContainerMarker, string? RecordsToken);
