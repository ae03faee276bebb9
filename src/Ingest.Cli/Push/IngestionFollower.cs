using Ingest.Core.Api.Contracts;

namespace Ingest.Cli.Push;

/// <summary>
/// Follows uploaded files to a final status through the API, cheaply however many there are: each round reads the
/// recent feed once (one request covers the last 100 changes) and then reads alone a few of the files the feed did not
/// show, the longest unread first.
/// </summary>
public sealed class IngestionFollower(IngestApiClient api, TimeSpan every, int pointReadsPerRound = 16)
{
    /// <summary>Reads once what became of <paramref name="pending"/>; gives the files whose state changed.</summary>
    public async Task<IReadOnlyList<PushItem>> RoundAsync(IReadOnlyList<PushItem> pending, CancellationToken ct)
    {
        var changed = new List<PushItem>();
        if (pending.Count == 0)
        {
            return changed;
        }

        var recent = (await api.GetRecentAsync(100, ct)).Items.ToDictionary(r => r.Blob, StringComparer.Ordinal);
        var unseen = new List<PushItem>();
        foreach (var item in pending)
        {
            if (recent.TryGetValue(item.File.Blob, out var record) && IsOf(item, record))
            {
                Apply(item, record, changed);
            }
            else
            {
                unseen.Add(item);
            }
        }

        foreach (var item in unseen.OrderBy(i => i.LastRead).Take(pointReadsPerRound))
        {
            item.LastRead = DateTime.UtcNow;
            if (await api.GetIngestionAsync(item.File.Blob, ct) is { } record && IsOf(item, record))
            {
                Apply(item, record, changed);
            }
        }

        return changed;
    }

    /// <summary>Waits between rounds.</summary>
    public Task PauseAsync(CancellationToken ct) => Task.Delay(every, ct);

    private static bool IsOf(PushItem item, IngestionDto record) => item.ETag is null || record.ETag == item.ETag;

    private static void Apply(PushItem item, IngestionDto record, List<PushItem> changed)
    {
        var error = record.Error is { } e ? $"{e.Code}: {e.Message}" : null;
        if (item.MoveTo(record.Status, error, record.ArticleIds))
        {
            changed.Add(item);
        }
    }
}
