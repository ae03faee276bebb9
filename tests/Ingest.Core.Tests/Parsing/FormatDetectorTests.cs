using Ingest.Core.Model;
using Ingest.Core.Parsing;

namespace Ingest.Core.Tests.Parsing;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("a.txt", "Title\n\nText.", ArticleFormats.Text)]
    [InlineData("a.TEXT", "Title", ArticleFormats.Text)]
    [InlineData("a.html", "Title only", ArticleFormats.Html)]
    [InlineData("a.htm", "<p>x</p>", ArticleFormats.Html)]
    [InlineData("a.md", "Title", ArticleFormats.Markdown)]
    [InlineData("a.markdown", "Title", ArticleFormats.Markdown)]
    [InlineData("a.json", "{}", ArticleFormats.Json)]
    [InlineData("saved.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", ArticleFormats.Html)]
    [InlineData("saved.txt", "  {\"title\": \"x\"}", ArticleFormats.Json)]
    [InlineData("saved.txt", "[{\"title\": \"x\"}]", ArticleFormats.Json)]
    [InlineData("saved.txt", "[Not JSON] but a bracket", ArticleFormats.Text)]
    [InlineData("no-extension", "---\ntitle: x\n---\nBody", ArticleFormats.Markdown)]
    [InlineData("no-extension", "# Heading\n\nBody", ArticleFormats.Markdown)]
    [InlineData("no-extension", "<html><p>x</p></html>", ArticleFormats.Html)]
    [InlineData("no-extension", "Plain words.", ArticleFormats.Text)]
    [InlineData("a.txt", "# Hash title stays text", ArticleFormats.Text)]
    public void Detect_ExtensionFirstThenContent(string fileName, string text, string expected)
    {
        Assert.Equal(expected, FormatDetector.Detect(fileName, text, maxJsonDepth: 64));
    }
}
