using System.CommandLine;
using System.Globalization;
using Ingest.Core.Api.Contracts;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest ls [--category c] [--author a] [--from d] [--to d] [--source blob] [--top n] [--all]</c></summary>
public static class ListCommand
{
    public static Command Create(CommandRunner run)
    {
        var category = new Option<string?>("--category") { Description = "Only this category." };
        var author = new Option<string?>("--author") { Description = "Only articles by this author." };
        var from = new Option<DateOnly?>("--from") { Description = "Published on or after (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Published on or before (yyyy-MM-dd)." };
        var source = new Option<string?>("--source") { Description = "Only the articles of this blob." };
        var top = new Option<int>("--top") { Description = "How many (1–100; default 20).", DefaultValueFactory = _ => 20 };
        var all = new Option<bool>("--all") { Description = "Every page, not only the first." };
        var command = new Command("ls", "Articles, newest first.") { category, author, from, to, source, top, all };
        command.SetAction(run.For(async (cli, parse, ct) =>
        {
            var filter = new Dictionary<string, string?>
            {
                ["top"] = parse.GetValue(top).ToString(CultureInfo.InvariantCulture),
                ["category"] = parse.GetValue(category),
                ["author"] = parse.GetValue(author),
                ["publishedFrom"] = parse.GetValue(from)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["publishedTo"] = parse.GetValue(to)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = parse.GetValue(source),
            };
            var items = new List<ArticleSummaryDto>();
            string? token = null;
            do
            {
                var page = await cli.Api.ListArticlesAsync(Query(filter, token), ct);
                items.AddRange(page.Items);
                token = page.ContinuationToken;
            }
            while (token is not null && parse.GetValue(all));

            if (cli.Json)
            {
                cli.WriteJson(new PageDto<ArticleSummaryDto>(items, token), IngestJson.Context.PageDtoArticleSummaryDto);
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn(new TableColumn("Id").NoWrap()).AddColumn("Title").AddColumn("Published").AddColumn("Category").AddColumn("Authors");
            foreach (var a in items)
            {
                table.AddRow(Markup.Escape(a.Id), Markup.Escape(a.Title ?? "(untitled)"), a.PublishedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(a.Category ?? ""), Markup.Escape(string.Join(", ", a.Authors)));
            }

            cli.Console.Write(table);
            cli.Console.MarkupLine(token is null ? $"{items.Count} articles." : $"{items.Count} articles shown; more with --all.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Query(Dictionary<string, string?> filter, string? token) =>
        "?" + string.Join("&", filter.Append(new("continuationToken", token))
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
