namespace Ingest.Core.Api;

/// <summary>The blob names the upload route accepts: what the storage service accepts, less what breaks it in practice.</summary>
public static class BlobNames
{
    public const int MaxLength = 1_024;

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

        if (name.EndsWith('.') || name.EndsWith('/') || name.Trim().Length == 0)
        {
            return "A blob name may not be blank or end with '.' or '/'.";
        }

        return null;
    }
}
