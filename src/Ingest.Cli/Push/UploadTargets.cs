using Azure;
using Azure.Storage.Blobs;

namespace Ingest.Cli.Push;

/// <summary>Where <c>push</c> writes files: the articles container itself, or the API's upload route.</summary>
public interface IUploadTarget
{
    /// <summary>What the summary says files went to.</summary>
    string Describe();

    /// <summary>Writes the file as the blob; gives the ETag of the version written.</summary>
    Task<string?> UploadAsync(PushFile file, CancellationToken ct);
}

/// <summary>Straight into the container, as <c>az storage blob upload</c> would: the trigger finds the blobs.</summary>
public sealed class ContainerUploads(BlobContainerClient container) : IUploadTarget
{
    public string Describe() => $"container '{container.Name}' at {container.Uri.GetLeftPart(UriPartial.Authority)}";

    public async Task<string?> UploadAsync(PushFile file, CancellationToken ct)
    {
        try
        {
            await using var content = File.OpenRead(file.LocalPath);
            return (await container.GetBlobClient(file.Blob).UploadAsync(content, overwrite: true, ct)).Value.ETag.ToString();
        }
        catch (RequestFailedException exception)
        {
            throw new CliException($"storage refused the upload ({exception.Status} {exception.ErrorCode})", ExitCodes.Unavailable);
        }
    }
}

/// <summary>Through <c>POST /api/articles</c> with the key: no storage credentials needed.</summary>
public sealed class ApiUploads(IngestApiClient api) : IUploadTarget
{
    public string Describe() => $"the API at {api.BaseAddress}";

    public async Task<string?> UploadAsync(PushFile file, CancellationToken ct)
    {
        await using var content = File.OpenRead(file.LocalPath);
        return await api.UploadAsync(file.Blob, content, ct);
    }
}
