using System.Diagnostics;

namespace Ingest.Cli.Push;

/// <summary>What a view of a push is told: a file changed state (uploaded, processing, final).</summary>
public interface IPushObserver
{
    void Changed(PushItem item);
}

/// <summary>
/// One <c>push</c>: uploads the files a few at a time and, while they upload, follows each to a final status (unless
/// told not to wait), until every file is final or the time is up.
/// </summary>
public sealed class PushRun(IUploadTarget target, IngestionFollower? follower, int uploadsAtOnce, TimeSpan timeout)
{
    public async Task<PushReport> RunAsync(IReadOnlyList<PushFile> files, IPushObserver observer, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var items = files.Select(f => new PushItem(f)).ToList();
        var uploads = UploadAllAsync(items, observer, ct);
        if (follower is not null)
        {
            await FollowAsync(items, uploads, follower, observer, ct);
        }

        await uploads;
        var tally = items.GroupBy(i => i.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return new PushReport(target.Describe(), items.Select(i => i.ToResult()).ToList(), tally, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    private async Task UploadAllAsync(List<PushItem> items, IPushObserver observer, CancellationToken ct) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = uploadsAtOnce, CancellationToken = ct }, async (item, token) =>
        {
            item.MoveTo(PushStatus.Uploading);
            observer.Changed(item);
            try
            {
                item.ETag = await target.UploadAsync(item.File, token);
                item.MoveTo(follower is null ? PushStatus.Uploaded : PushStatus.Queued);
            }
            catch (CliException exception)
            {
                item.MoveTo(PushStatus.Rejected, exception.Message);
            }
            catch (IOException exception)
            {
                item.MoveTo(PushStatus.Rejected, $"could not read the file ({exception.Message})");
            }

            observer.Changed(item);
        });

    private async Task FollowAsync(List<PushItem> items, Task uploads, IngestionFollower follower, IPushObserver observer, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(uploads.IsCompleted && items.All(i => i.IsFinal)))
        {
            await follower.PauseAsync(ct);
            var pending = items.Where(i => i.Status is PushStatus.Queued or Core.Ingestion.IngestionStatus.Processing).ToList();
            try
            {
                foreach (var item in await follower.RoundAsync(pending, ct))
                {
                    observer.Changed(item);
                }
            }
            catch (CliException) when (DateTime.UtcNow < deadline)
            {
                // The host is away for a moment: ask again next round.
            }

            if (DateTime.UtcNow >= deadline && uploads.IsCompleted)
            {
                foreach (var item in items.Where(i => !i.IsFinal))
                {
                    item.MoveTo(PushStatus.TimedOut, $"no final status within {timeout}");
                    observer.Changed(item);
                }
            }
        }
    }
}
