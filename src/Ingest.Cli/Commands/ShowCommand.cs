using System.CommandLine;
using System.Globalization;
using Ingest.Core.Api.Contracts;
using Spectre.Console;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest show &lt;id&gt;</c>: one article, rendered for reading (or the API's JSON with <c>--json</c>).</summary>
public static class ShowCommand
{
    public static Command Create(CommandRunner run)
    {
        var id = new Argument<string>("id") { Description = "The article id." };
        var command = new Command("show", "One article: headline, byline, summary, sections, details, provenance.") { id };
        command.SetAction(run.For(async (cli, parse, ct) =>
        {
            var articleId = parse.GetValue(id)!;
            var article = await cli.Api.GetArticleAsync(articleId, ct)
                ?? throw new CliException($"There is no article '{articleId}'.", ExitCodes.NotFound);
            if (cli.Json)
            {
                cli.WriteJson(article, IngestJson.Context.ArticleDto);
            }
            else
            {
                Render(cli.Console, article);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    public static void Render(IAnsiConsole console, ArticleDto article)
    {
        console.MarkupLine($"[bold]{Markup.Escape(article.Title ?? "(untitled)")}[/]");
        if (article.Subtitle is { } subtitle)
        {
            console.MarkupLine($"[italic]{Markup.Escape(subtitle)}[/]");
        }

        var byline = new[]
        {
            article.Authors.Count > 0 ? "By " + string.Join(", ", article.Authors) : null,
            article.PublishedAt is { } published ? "Published " + published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            article.UpdatedAt is { } updated ? "Updated " + updated : null,
            article.Category,
        };
        console.MarkupLine($"[grey]{Markup.Escape(string.Join(" · ", byline.Where(p => p is not null)))}[/]");
        console.WriteLine();
        foreach (var line in article.Summary)
        {
            console.MarkupLine($"• {Markup.Escape(line)}");
        }

        foreach (var section in article.Sections)
        {
            if (section.Heading is { } heading)
            {
                console.WriteLine();
                console.MarkupLine($"[bold]{Markup.Escape(heading)}[/]");
            }

            foreach (var paragraph in section.Paragraphs)
            {
                console.WriteLine();
                console.WriteLine(paragraph);
            }

            foreach (var credit in section.ImageCredits)
            {
                console.MarkupLine($"[grey italic]{Markup.Escape(credit)}[/]");
            }
        }

        console.WriteLine();
        var details = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                details.AddRow($"[grey]{name}[/]", Markup.Escape(value));
            }
        }

        Row("Id", article.Id);
        Row("Dateline", article.Dateline is { } d ? string.Join(", ", new[] { d.Location, d.Publisher, d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(p => p is not null)) : null);
        Row("Language", article.Language);
        Row("Words", $"{article.WordCount} ({article.ReadingTimeMinutes} min)");
        Row("Tags", string.Join(", ", article.Tags));
        Row("Image credits", string.Join("; ", article.ImageCredits));
        Row("Source", $"{article.Source.Container}/{article.Source.Blob} ({article.Source.Format}, {article.Source.Encoding}, {article.Source.SizeBytes} bytes)");
        Row("Version", $"{article.Version}, ingested {article.IngestedAt.ToString("u", CultureInfo.InvariantCulture)}");
        var p = article.Provenance;
        Row("Provenance", string.Join(", ", new[] { ("title", p.Title), ("authors", p.Authors), ("publishedAt", p.PublishedAt), ("updatedAt", p.UpdatedAt), ("category", p.Category), ("dateline", p.Dateline) }
            .Where(f => f.Item2 is not null).Select(f => $"{f.Item1} from {f.Item2}")));
        console.Write(details);
    }
}
