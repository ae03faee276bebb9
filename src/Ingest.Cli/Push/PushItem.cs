using Ingest.Core.Ingestion;

namespace Ingest.Cli.Push;

/// <summary>The states a pushed file goes through: the ingestion's own, and the CLI's before and after it.</summary>
public static class PushStatus
{
    public const string Waiting = "waiting";
    public const string Uploading = "uploading";
    public const string Queued = "queued";
    /// <summary>Uploaded, and not followed (<c>--no-wait</c>).</summary>
    public const string Uploaded = "uploaded";
    /// <summary>The upload itself was refused (bad name, no key, storage unreachable): the file is not in the container.</summary>
    public const string Rejected = "rejected";
    /// <summary>Uploaded, but no final status arrived before <c>--timeout</c>.</summary>
    public const string TimedOut = "timed-out";

    public static bool IsFinal(string status) =>
        status is Uploaded or Rejected or TimedOut or IngestionStatus.Succeeded or IngestionStatus.Unchanged or IngestionStatus.Failed or IngestionStatus.Poisoned;

    public static bool IsGood(string status) => status is Uploaded or IngestionStatus.Succeeded or IngestionStatus.Unchanged;
}

/// <summary>One file of a push and what is known of it so far.</summary>
public sealed class PushItem(PushFile file)
{
    public PushFile File { get; } = file;
    public string Status { get; private set; } = PushStatus.Waiting;
    /// <summary>The ETag of the version uploaded: only an ingestion of that version ends this file's wait.</summary>
    public string? ETag { get; set; }
    public IReadOnlyList<string> ArticleIds { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>When its ingestion was last read alone, so the follower asks about every waiting file in turn.</summary>
    public DateTime LastRead { get; set; }

    public bool IsFinal => PushStatus.IsFinal(Status);

    /// <summary>Moves to <paramref name="status"/>; false when nothing changed.</summary>
    public bool MoveTo(string status, string? error = null, IReadOnlyList<string>? articleIds = null)
    {
        if (Status == status && Error == error)
        {
            return false;
        }

        Status = status;
        Error = error;
        ArticleIds = articleIds ?? ArticleIds;
        return true;
    }

    public PushResult ToResult() => new(File.Blob, Status, ETag, ArticleIds, Error);
}

/// <summary>A file's outcome, as <c>--json</c> prints it.</summary>
public sealed record PushResult(string Blob, string Status, string? Etag, IReadOnlyList<string> ArticleIds, string? Error);

/// <summary>What <c>push --json</c> prints: every file, the tally by status, where the files went, how long it took.</summary>
public sealed record PushReport(string Target, IReadOnlyList<PushResult> Files, IReadOnlyDictionary<string, int> Tally, double Seconds)
{
    public bool AllGood => Files.All(f => PushStatus.IsGood(f.Status));
}
