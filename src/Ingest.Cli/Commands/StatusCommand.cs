using System.CommandLine;
using Ingest.Core.Api.Contracts;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest status &lt;blob&gt;</c>: what happened to one file; exits 1 when it failed or was poisoned.</summary>
public static class StatusCommand
{
    public static Command Create(CommandRunner run)
    {
        var blob = new Argument<string>("blob") { Description = "The blob name." };
        var command = new Command("status", "What happened to one dropped file.") { blob };
        command.SetAction(run.For(async (cli, parse, ct) =>
        {
            var name = parse.GetValue(blob)!;
            var record = await cli.Api.GetIngestionAsync(name, ct)
                ?? throw new CliException($"No file named '{name}' has been seen.", ExitCodes.NotFound);
            if (cli.Json)
            {
                cli.WriteJson(record, IngestJson.Context.IngestionDto);
            }
            else
            {
                Write(cli.Console, record);
            }

            return ExitCodes.ForStatus(record.Status);
        }));
        return command;
    }

    public static void Write(IAnsiConsole console, IngestionDto record)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Blob", Markup.Escape(record.Blob));
        grid.AddRow("Status", Markup.Escape(record.Status));
        grid.AddRow("Attempts", record.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("Updated", record.UpdatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("ETag", Markup.Escape(record.ETag ?? ""));
        grid.AddRow("Articles", Markup.Escape(string.Join(", ", record.ArticleIds)));
        if (record.Error is { } error)
        {
            grid.AddRow("Error", Markup.Escape($"{error.Code}: {error.Message}"));
        }

        console.Write(grid);
    }
}
