using System.CommandLine;
using Ingest.Cli.Push;
using Ingest.Core.Api.Contracts;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest reprocess &lt;blob&gt; [--no-wait]</c>: extract a blob again, and wait for the result.</summary>
public static class ReprocessCommand
{
    public static Command Create(CommandRunner run)
    {
        var blob = new Argument<string>("blob") { Description = "The blob name." };
        var noWait = new Option<bool>("--no-wait") { Description = "Ask for it and stop." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait (default 00:02:00).", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) };
        var command = new Command("reprocess", "Extract a blob again, even if its content is unchanged; exits 1 when that fails.") { blob, noWait, timeout };
        command.SetAction(run.For(async (cli, parse, ct) =>
        {
            var name = parse.GetValue(blob)!;
            var before = await cli.Api.GetIngestionAsync(name, ct);
            if (!await cli.Api.ReprocessAsync(name, ct))
            {
                throw new CliException($"There is no blob '{name}' in the articles container.", ExitCodes.NotFound);
            }

            if (parse.GetValue(noWait))
            {
                cli.Console.WriteLine($"Reprocess of '{name}' requested.");
                return ExitCodes.Ok;
            }

            var record = await WaitForNewVersionAsync(cli.Api, name, before?.ETag, parse.GetValue(timeout), ct);
            if (cli.Json)
            {
                cli.WriteJson(record, IngestJson.Context.IngestionDto);
            }
            else
            {
                StatusCommand.Write(cli.Console, record);
            }

            return ExitCodes.ForStatus(record.Status);
        }));
        return command;
    }

    /// <summary>The stamp gives the blob a new ETag: waits for a final ingestion of a version other than <paramref name="oldETag"/>.</summary>
    private static async Task<IngestionDto> WaitForNewVersionAsync(IngestApiClient api, string blob, string? oldETag, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            if (await api.GetIngestionAsync(blob, ct) is { } record && record.ETag != oldETag && PushStatus.IsFinal(record.Status))
            {
                return record;
            }
        }

        throw new CliException($"'{blob}' did not finish reprocessing within {timeout}; see `ingest status {blob}`.", ExitCodes.SomeFailed);
    }
}
