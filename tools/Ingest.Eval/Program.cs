using Ingest.Core.Extraction;
using Ingest.Eval;

// Usage: dotnet run --project tools/Ingest.Eval -- <folder holding expected.json (or <case>.expected.json files) and the files named>
// Prints per-field accuracy and every mismatch; exits 1 when anything is wrong, 2 on bad usage.
if (args.Length != 1 || !Directory.Exists(args[0]) || ExpectedArticle.LoadFolder(args[0]).Count == 0)
{
    Console.Error.WriteLine("usage: Ingest.Eval <folder with expected.json or <case>.expected.json files>");
    return 2;
}

var report = CorpusEvaluation.Run(args[0], new ArticleExtractor());
Console.WriteLine($"Ingest quality report: {report.Cases.Count} files in {Path.GetFullPath(args[0])}");
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
