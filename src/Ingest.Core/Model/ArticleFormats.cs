namespace Ingest.Core.Model;

/// <summary>The <c>source.format</c> values of the HTTP contract.</summary>
public static class ArticleFormats
{
    public const string Text = "text";
    public const string Html = "html";
    public const string Markdown = "markdown";
    public const string Json = "json";
}
