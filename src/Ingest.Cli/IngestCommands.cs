using System.CommandLine;
using Ingest.Cli.Commands;

namespace Ingest.Cli;

/// <summary>The <c>ingest</c> command line: global options for where Ingest is, and one command per task.</summary>
public static class IngestCommands
{
    public static readonly Option<string?> Url = new("--url") { Description = "The Ingest host's URL (INGEST_URL; default http://127.0.0.1:7071).", Recursive = true };
    public static readonly Option<string?> Key = new("--key") { Description = "The function key for writes (INGEST_KEY).", Recursive = true };
    public static readonly Option<string?> Connection = new("--connection") { Description = "Storage connection string for direct uploads (AzureWebJobsStorage).", Recursive = true };
    public static readonly Option<string?> Container = new("--container") { Description = "The articles container (INGEST_CONTAINER; default articles).", Recursive = true };
    public static readonly Option<string?> ProfileName = new("--profile") { Description = "A profile of ~/.config/ingest/profiles.json (INGEST_PROFILE).", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "Print JSON for scripts instead of tables.", Recursive = true };

    public static RootCommand Build(Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Ingest: push article files and follow them to a final status; list, show, reprocess and remove articles.")
        {
            Url, Key, Connection, Container, ProfileName, Json,
        };
        var run = new CommandRunner(environment, output, error);
        root.Add(PushCommand.Create(run));
        root.Add(StatusCommand.Create(run));
        root.Add(ListCommand.Create(run));
        root.Add(ShowCommand.Create(run));
        root.Add(ReprocessCommand.Create(run));
        root.Add(RemoveCommand.Create(run));
        return root;
    }
}

/// <summary>Runs a command's body with its <see cref="CliContext"/>, turning a <see cref="CliException"/> into one line on stderr and its exit code.</summary>
public sealed class CommandRunner(Func<string, string?> environment, TextWriter output, TextWriter error)
{
    public Func<ParseResult, CancellationToken, Task<int>> For(Func<CliContext, ParseResult, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            try
            {
                var flags = new Profile(
                    parse.GetValue(IngestCommands.Url), parse.GetValue(IngestCommands.Key),
                    parse.GetValue(IngestCommands.Connection), parse.GetValue(IngestCommands.Container));
                var settings = CliSettings.Resolve(flags, parse.GetValue(IngestCommands.ProfileName), environment);
                using var context = new CliContext(settings, parse.GetValue(IngestCommands.Json), output);
                return await body(context, parse, ct);
            }
            catch (CliException exception)
            {
                await error.WriteLineAsync($"ingest: {exception.Message}");
                return exception.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await error.WriteLineAsync("ingest: cancelled.");
                return 130;
            }
        };
}
