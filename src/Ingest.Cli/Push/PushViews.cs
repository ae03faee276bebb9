using Spectre.Console;

namespace Ingest.Cli.Push;

/// <summary>The live view on a terminal: a bar for uploads, a bar for files done, and the tally by status as it moves.</summary>
public sealed class ProgressPushView(ProgressTask uploaded, ProgressTask done, IReadOnlyCollection<PushFile> files) : IPushObserver
{
    private readonly Dictionary<string, string> _status = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static async Task<PushReport> RunAsync(IAnsiConsole console, IReadOnlyCollection<PushFile> files, Func<IPushObserver, Task<PushReport>> run) =>
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var uploaded = context.AddTask("Uploaded", maxValue: files.Count);
                var done = context.AddTask("Ingested", maxValue: files.Count);
                return await run(new ProgressPushView(uploaded, done, files));
            });

    public void Changed(PushItem item)
    {
        lock (_lock)
        {
            _status[item.File.Blob] = item.Status;
            var tally = _status.Values.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            uploaded.Value = _status.Values.Count(s => s is not (PushStatus.Waiting or PushStatus.Uploading));
            done.Value = _status.Values.Count(PushStatus.IsFinal);
            done.Description = $"Ingested [grey]({Markup.Escape(string.Join(" · ", tally))})[/]";
            if (done.Value >= files.Count)
            {
                uploaded.StopTask();
                done.StopTask();
            }
        }
    }
}

/// <summary>The view when the output is not a terminal (a log, a pipe): one line per file as it reaches a final status.</summary>
public sealed class LinePushView(IAnsiConsole console) : IPushObserver
{
    private readonly Lock _lock = new();

    public void Changed(PushItem item)
    {
        if (!item.IsFinal)
        {
            return;
        }

        lock (_lock)
        {
            var error = item.Error is null ? "" : $"  {item.Error}";
            console.WriteLine($"{item.Status,-10} {item.File.Blob}{error}");
        }
    }
}

/// <summary>No view: <c>--json</c> prints the report alone.</summary>
public sealed class SilentPushView : IPushObserver
{
    public void Changed(PushItem item)
    {
    }
}

/// <summary>The end of a push: files by status, then every file that did not end well, with why.</summary>
public static class PushSummary
{
    public static void Write(IAnsiConsole console, PushReport report)
    {
        console.MarkupLine($"{report.Files.Count} files to {Markup.Escape(report.Target)} in {report.Seconds:0.0} s");
        var tally = new Table()
            .AddColumn("Status").AddColumn(new TableColumn("Files").RightAligned());
        foreach (var (status, count) in report.Tally)
        {
            tally.AddRow(Markup.Escape(status), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(tally);
        var bad = report.Files.Where(f => !PushStatus.IsGood(f.Status)).ToList();
        if (bad.Count == 0)
        {
            return;
        }

        var failures = new Table().Title("Not ingested").AddColumn("Blob").AddColumn("Status").AddColumn("Why");
        foreach (var file in bad)
        {
            failures.AddRow(Markup.Escape(file.Blob), Markup.Escape(file.Status), Markup.Escape(file.Error ?? ""));
        }

        console.Write(failures);
    }
}
