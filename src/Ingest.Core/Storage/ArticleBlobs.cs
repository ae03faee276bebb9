using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Polly;

namespace Ingest.Core.Storage;

/// <summary>
/// Every access Ingest makes to the articles container, each call through the resilience pipeline and each safe to
/// repeat: an upload resends its whole buffer, a delete of a blob already gone is done, a metadata stamp recognises its
/// own earlier success. Nothing else in the product holds a client for the container.
/// </summary>
public sealed class ArticleBlobs
{
    private readonly ResiliencePipeline _resilience;
    private readonly MemoryBudget _memory;

    internal ArticleBlobs(BlobContainerClient container, ResiliencePipeline resilience, MemoryBudget memory)
    {
        Container = container;
        _resilience = resilience;
        _memory = memory;
    }

    public string ContainerName => Container.Name;

    /// <summary>The raw client, for tests that play a user dropping files; the product goes through the methods.</summary>
    internal BlobContainerClient Container { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        await _resilience.ExecuteAsync(async ct => await Container.CreateIfNotExistsAsync(cancellationToken: ct), cancellationToken);

    /// <summary>Whether the container exists (one call).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        (await Container.ExistsAsync(cancellationToken)).Value;

    /// <summary>The version the container holds of <paramref name="blobName"/> now (one HEAD), or null when the blob is gone.</summary>
    public async Task<BlobVersion?> CurrentVersionAsync(string blobName, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await _resilience.ExecuteAsync(
                async ct => (await Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: ct)).Value,
                cancellationToken);
            return new BlobVersion(properties.ETag.ToString(), properties.LastModified);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Writes (or overwrites) a blob and gives the ETag of the version written; each attempt reads <paramref name="content"/> afresh, so a retry sends it whole.</summary>
    public async Task<string> UploadAsync(string blobName, BinaryData content, CancellationToken cancellationToken = default) =>
        (await _resilience.ExecuteAsync(async ct => await Container.GetBlobClient(blobName).UploadAsync(content, overwrite: true, ct), cancellationToken))
        .Value.ETag.ToString();

    /// <summary>Deletes a blob and its snapshots; a blob already gone (perhaps by our own unacknowledged attempt) is deleted.</summary>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken = default) =>
        await _resilience.ExecuteAsync(
            async ct => await Container.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct),
            cancellationToken);

    /// <summary>Whether the container holds no blob at all.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        (await ListPageAsync(marker: null, size: 1, cancellationToken)).Blobs.Count == 0;

    /// <summary>One listing page, in name order, with each blob's version; the marker is null at the end of the container.</summary>
    public async Task<(List<(string Name, BlobVersion Version)> Blobs, string? Marker)> ListPageAsync(string? marker, int size, CancellationToken cancellationToken) =>
        await _resilience.ExecuteAsync(
            async ct =>
            {
                await foreach (var page in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, ct).AsPages(marker, size))
                {
                    // Listings give the ETag bare; downloads, and so the records, give it quoted as in the header.
                    var blobs = page.Values
                        .Select(b => (b.Name, new BlobVersion("\"" + (b.Properties.ETag?.ToString() ?? "").Trim('"') + "\"", b.Properties.LastModified ?? DateTimeOffset.MinValue)))
                        .ToList();
                    return (blobs, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
                }

                return ([], null);
            },
            cancellationToken);

    /// <summary>
    /// Sets one metadata value on a blob, keeping the rest, conditional on the blob not changing in between (which gives
    /// it a new ETag). Returns false when the blob is gone. A retry that finds the value already there is our own earlier
    /// attempt whose answer was lost.
    /// </summary>
    public async Task<bool> StampAsync(string blobName, string key, string value, int maxAttempts, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(blobName);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var properties = await _resilience.ExecuteAsync(async ct => (await blob.GetPropertiesAsync(cancellationToken: ct)).Value, cancellationToken);
                if (attempt > 1 && properties.Metadata.TryGetValue(key, out var stamped) && stamped == value)
                {
                    return true;
                }

                var metadata = new Dictionary<string, string>(properties.Metadata, StringComparer.OrdinalIgnoreCase) { [key] = value };
                try
                {
                    await _resilience.ExecuteAsync(
                        async ct => await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = properties.ETag }, ct),
                        cancellationToken);
                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status == 412 && attempt < maxAttempts)
                {
                    // The blob changed since we read it, perhaps by our own unacknowledged attempt: read it again.
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Downloads a blob: its headers first, then, only when <paramref name="wantBody"/> says so for its version and length,
    /// its body, once the host's memory budget has room for it. When that took a wait, <paramref name="stillWanted"/> (if
    /// given) is asked again, since the world may have moved meanwhile (another run finished this very content). Null when
    /// the blob is gone. Dispose the result to give its memory back.
    /// </summary>
    public async Task<BlobDownload?> DownloadAsync(string blobName, Func<BlobVersion, long, bool> wantBody, Func<BlobVersion, Task<bool>>? stillWanted = null, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(blobName);
        try
        {
            return await _resilience.ExecuteAsync(
                async ct =>
                {
                    var response = (await blob.DownloadStreamingAsync(cancellationToken: ct)).Value;
                    await using var body = response.Content;
                    var details = response.Details;
                    var version = new BlobVersion(details.ETag.ToString(), details.LastModified);
                    var length = details.ContentLength;
                    if (!wantBody(version, length))
                    {
                        return new BlobDownload(version, length, details.Metadata, Content: null, Memory: null);
                    }

                    var taking = _memory.TakeAsync(length, ct);
                    var waited = !taking.IsCompleted;
                    var memory = await taking;
                    try
                    {
                        if (waited && stillWanted is not null && !await stillWanted(version))
                        {
                            memory.Dispose();
                            return new BlobDownload(version, length, details.Metadata, Content: null, Memory: null);
                        }

                        var content = new byte[length];
                        await body.ReadExactlyAsync(content, ct);
                        return new BlobDownload(version, length, details.Metadata, content, memory);
                    }
                    catch
                    {
                        memory.Dispose();
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }
}

/// <summary>What a download gave: the version and size always, the body when it was wanted, holding its share of the memory budget.</summary>
public sealed record BlobDownload(BlobVersion Version, long Length, IDictionary<string, string> Metadata, byte[]? Content, MemoryBudget.Share? Memory) : IDisposable
{
    public void Dispose() => Memory?.Dispose();
}
