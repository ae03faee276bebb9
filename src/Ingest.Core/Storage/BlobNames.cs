using Azure.Storage.Blobs;

namespace Ingest.Core.Storage;

/// <summary>
/// The blob names Ingest takes, through the upload route and from the trigger alike: names the storage service keeps
/// exactly as given. A name with <c>.</c> or <c>..</c> segments is resolved like a URL path on its way to the service
/// (<c>x/../../other-container/f.txt</c> leaves the container), so such names, and any other the service would rewrite,
/// are refused rather than written under a name nobody asked for.
/// </summary>
public static class BlobNames
{
    public const int MaxLength = 1_024;

    /// <summary>The error code of an ingestion refused for its blob's name.</summary>
    public const string ErrorCode = "bad-name";

    private static readonly Uri SomeContainer = new("https://account.blob.core.windows.net/container");

    /// <summary>Why <paramref name="name"/> cannot be a blob name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length > MaxLength)
        {
            return $"A blob name has at most {MaxLength} characters.";
        }

        // Azurite stores such names and then fails every listing of the container, the trigger's scan included.
        if (name.Any(char.IsControl))
        {
            return "A blob name may not contain control characters.";
        }

        if (name.Trim().Length == 0 || name.StartsWith('/') || name.EndsWith('/') || name.EndsWith('.'))
        {
            return "A blob name may not be blank, begin with '/' or end with '.' or '/'.";
        }

        if (name.Split('/').Any(segment => segment is "." or ".."))
        {
            return "A blob name may not have '.' or '..' as a path segment: storage would resolve it to another name.";
        }

        var stored = AsStored(name);
        return stored == name ? null : $"Storage would keep this blob as '{stored}', not under the name given.";
    }

    /// <summary>The name a blob written as <paramref name="name"/> ends up with, once its URL has been resolved.</summary>
    public static string AsStored(string name)
    {
        var uri = new BlobUriBuilder(SomeContainer) { BlobName = name }.ToUri();
        return new BlobUriBuilder(uri).BlobName;
    }
}
