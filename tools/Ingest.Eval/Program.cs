using System.Text.Json;
using Ingest.Core.Extraction;
using Ingest.Eval;
using Ingest.Eval.RealPages;

// Usage:
//   dotnet run --project tools/Ingest.Eval -- <folder holding expected.json (or <case>.expected.json files) and the files named>
//     per-field accuracy and every mismatch; exits 1 when anything is wrong.
//   dotnet run --project tools/Ingest.Eval -- real-pages <real-pages folder> [--predictions <dir>] [--worst <n>]
//     body F1 / precision / recall and title accuracy per shape (HTML, plain-text dump, Markdown dump), as score.py
//     computes them; --predictions writes each shape's output in score.py's input format; --show <name> prints one
//     page's title and body beside the reference's.
// Exits 2 on bad usage.
return args switch
{
    ["real-pages", var folder, .. var options] when File.Exists(Path.Combine(folder, "expected.json")) => RealPagesReport(folder, options),
    [var folder] when Directory.Exists(folder) && ExpectedArticle.LoadFolder(folder).Count > 0 => CorpusReport(folder),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Ingest.Eval <folder with expected.json or <case>.expected.json files>");
    Console.Error.WriteLine("       Ingest.Eval real-pages <real-pages folder> [--predictions <dir>] [--worst <n>]");
    return 2;
}

static int CorpusReport(string folder)
{
    var report = CorpusEvaluation.Run(folder, new ArticleExtractor());
    Console.WriteLine($"Ingest quality report: {report.Cases.Count} files in {Path.GetFullPath(folder)}");
    Console.WriteLine();
    Console.WriteLine($"{"field",-16} {"correct",9} {"accuracy",9}");
    foreach (var (field, correct, total) in report.Accuracy())
    {
        Console.WriteLine($"{field,-16} {$"{correct}/{total}",9} {(total == 0 ? 1 : (double)correct / total),9:P1}");
    }

    var fieldsChecked = report.Cases.Count * ExpectedArticle.Fields.Length;
    Console.WriteLine();
    Console.WriteLine($"overall: {fieldsChecked - report.Mismatches.Count}/{fieldsChecked} fields ({(fieldsChecked == 0 ? 1 : (double)(fieldsChecked - report.Mismatches.Count) / fieldsChecked):P1})");
    foreach (var mismatch in report.Mismatches)
    {
        Console.WriteLine("  mismatch " + mismatch);
    }

    return report.AllCorrect ? 0 : 1;
}

static int RealPagesReport(string folder, string[] options)
{
    var predictions = OptionValue(options, "--predictions");
    var worst = int.TryParse(OptionValue(options, "--worst"), out var n) ? n : 15;
    var extractor = new ArticleExtractor();
    if (OptionValue(options, "--show") is { } name)
    {
        return ShowPage(folder, name, extractor);
    }

    Console.WriteLine($"Ingest real-pages report: {Path.GetFullPath(folder)}");
    Console.WriteLine();
    Console.WriteLine($"{"shape",-9} {"pages",6} {"F1",7} {"precision",10} {"recall",7} {"title",9} {"authors",9} {"date",7}");
    var reports = PageShape.All.Select(shape => RealPagesEvaluation.Run(folder, shape, extractor)).ToList();
    foreach (var report in reports)
    {
        var (f1, precision, recall) = report.Body;
        var (correct, total) = report.Titles;
        var (authors, withAuthors) = report.Authors;
        var (dates, withDates) = report.Dates;
        Console.WriteLine($"{report.Shape,-9} {report.Pages.Count,6} {f1,7:F3} {precision,10:F3} {recall,7:F3} {$"{correct}/{total}",9} {$"{authors}/{withAuthors}",9} {$"{dates}/{withDates}",7}");
    }

    foreach (var report in reports)
    {
        Console.WriteLine();
        Console.WriteLine($"{report.Shape}: lowest F1: " + string.Join(", ", report.Pages.OrderBy(p => p.Score.F1).Take(worst).Select(p => $"{p.Page.Name} {p.Score.F1:F2}")));
        if (predictions is not null)
        {
            Directory.CreateDirectory(predictions);
            var path = Path.Combine(predictions, $"predictions{report.Shape.Replace('.', '-')}.json");
            var byName = report.Pages.ToDictionary(p => p.Page.Name, p => new { body = p.Body, title = p.Title, authors = p.Authors });
            File.WriteAllText(path, JsonSerializer.Serialize(byName, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"{report.Shape}: predictions written to {path} (score with: python3 score.py {path})");
        }
    }

    return 0;
}

static int ShowPage(string folder, string name, ArticleExtractor extractor)
{
    var page = RealPage.LoadAll(folder).FirstOrDefault(p => p.Name == name);
    if (page is null)
    {
        Console.Error.WriteLine($"no page named {name}");
        return 2;
    }

    foreach (var shape in PageShape.All)
    {
        var file = page.Name + shape;
        var result = extractor.Extract(File.ReadAllBytes(Path.Combine(folder, "pages", file)), file);
        var body = result.Succeeded ? RealPagesEvaluation.BodyOf(result.Article) : $"(failure {result.Error?.Code})";
        var score = ShingleScore.Of(page.Body, body);
        Console.WriteLine($"===== {file}: F1 {score.F1:F3} precision {score.Precision:F3} recall {score.Recall:F3}");
        Console.WriteLine($"title: {result.Article?.Title}  (reference: {page.Title})");
        Console.WriteLine($"authors: {string.Join("; ", result.Article?.Authors ?? [])}  (reference: {page.Byline})");
        Console.WriteLine(body);
    }

    Console.WriteLine("===== reference body");
    Console.WriteLine(page.Body);
    return 0;
}

static string? OptionValue(string[] options, string name)
{
    var at = Array.IndexOf(options, name);
    return at >= 0 && at + 1 < options.Length ? options[at + 1] : null;
}
