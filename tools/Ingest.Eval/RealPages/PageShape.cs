namespace Ingest.Eval.RealPages;

/// <summary>The three shapes each real page comes in, by file extension: the saved HTML, a whole-page plain-text dump, a whole-page Markdown dump.</summary>
public static class PageShape
{
    public const string Html = ".html";
    public const string Text = ".txt";
    public const string Markdown = ".md";

    public static IReadOnlyList<string> All { get; } = [Html, Text, Markdown];
}
