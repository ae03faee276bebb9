using System.CommandLine;
using Ingest.Cli.Push;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest push &lt;file|folder&gt; [--recursive] [--prefix p/] [--api] [--no-wait] [--timeout 10m]</c></summary>
public static class PushCommand
{
    private const int UploadsAtOnce = 8;

    public static Command Create(CommandRunner run)
    {
        var path = new Argument<string>("path") { Description = "A file, or a folder of files." };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "Push the folder's folders too." };
        var prefix = new Option<string>("--prefix") { Description = "Put before every blob name (e.g. desk/2025-03/).", DefaultValueFactory = _ => "" };
        var viaApi = new Option<bool>("--api") { Description = "Upload through the API (POST /api/articles, with the key) instead of to the container." };
        var noWait = new Option<bool>("--no-wait") { Description = "Upload and stop; do not follow the files to a final status." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for every file to finish (default 00:10:00).", DefaultValueFactory = _ => TimeSpan.FromMinutes(10) };
        var command = new Command("push", "Upload files and follow each to a final status: a live tally, then a summary; exits 1 when any file did not succeed.")
        {
            path, recursive, prefix, viaApi, noWait, timeout,
        };
        command.SetAction(run.For(async (cli, parse, ct) =>
        {
            var files = PushFiles.Collect(parse.GetValue(path)!, parse.GetValue(recursive), parse.GetValue(prefix) ?? "");
            IUploadTarget target = !parse.GetValue(viaApi) && cli.Container() is { } container
                ? new ContainerUploads(container)
                : new ApiUploads(cli.Api);
            var follower = parse.GetValue(noWait) ? null : new IngestionFollower(cli.Api, TimeSpan.FromSeconds(1));
            var push = new PushRun(target, follower, UploadsAtOnce, parse.GetValue(timeout));

            PushReport report;
            if (cli.Json)
            {
                report = await push.RunAsync(files, new SilentPushView(), ct);
                cli.WriteJson(report, CliJson.Default.PushReport);
            }
            else
            {
                report = cli.IsInteractive
                    ? await ProgressPushView.RunAsync(cli.Console, files, view => push.RunAsync(files, view, ct))
                    : await push.RunAsync(files, new LinePushView(cli.Console), ct);
                PushSummary.Write(cli.Console, report);
            }

            return report.AllGood ? ExitCodes.Ok : ExitCodes.SomeFailed;
        }));
        return command;
    }
}
