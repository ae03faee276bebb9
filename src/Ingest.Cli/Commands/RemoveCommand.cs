using System.CommandLine;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest rm &lt;id&gt; [--yes]</c>: delete an article, its source blob and every row stored from it.</summary>
public static class RemoveCommand
{
    public static Command Create(CommandRunner run)
    {
        var id = new Argument<string>("id") { Description = "The article id." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask first (needed when not at a terminal)." };
        var command = new Command("rm", "Delete an article with its source blob (asks first).") { id, yes };
        command.SetAction(run.For(async (cli, parse, ct) =>
        {
            var articleId = parse.GetValue(id)!;
            var article = await cli.Api.GetArticleAsync(articleId, ct)
                ?? throw new CliException($"There is no article '{articleId}'.", ExitCodes.NotFound);
            if (!parse.GetValue(yes))
            {
                if (!cli.IsInteractive || Console.IsInputRedirected)
                {
                    throw new CliException("rm asks before it deletes; give --yes to delete without asking.", ExitCodes.Usage);
                }

                if (!await cli.Console.ConfirmAsync($"Delete '{Markup.Escape(article.Title ?? articleId)}' and its source blob '{Markup.Escape(article.Source.Blob)}'?", defaultValue: false, ct))
                {
                    return ExitCodes.Ok;
                }
            }

            if (!await cli.Api.DeleteArticleAsync(articleId, ct))
            {
                throw new CliException($"There is no article '{articleId}'.", ExitCodes.NotFound);
            }

            if (cli.Json)
            {
                cli.WriteJson(new RemovedArticle(articleId, article.Source.Blob), CliJson.Default.RemovedArticle);
            }
            else
            {
                cli.Console.WriteLine($"Deleted '{article.Title ?? articleId}' and its source blob '{article.Source.Blob}'.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
