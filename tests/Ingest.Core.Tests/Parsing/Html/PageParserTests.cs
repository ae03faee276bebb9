using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ingest.Core.Parsing.Html;

namespace Ingest.Core.Tests.Parsing.Html;

public sealed class PageParserTests
{
    [Theory]
    [InlineData("""
        <!doctype html><!-- a comment --><html lang="en"><head><meta charset="windows-1252"><!--[if IE]><p>old</p><![endif]--><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
        <link rel="stylesheet alternate" href="/s.css"><link rel="canonical" href="https://example.org/a"><base href="https://example.org/">
        <style>p { color: red }</style><title>A &amp; B</title></head>
        <body class="page" dir="rtl"><form action="/f"><input type="checkbox" checked value="x"><select><option selected>o</option></select></form>
        <p id="one" class="lead  story">Text with <a href="../rel" rel="author">a link</a>, <img src="i.png" srcset="i2.png 2x" alt="pic">
        and <iframe src="https://example.org/embed"></iframe><video src="v.mp4" autoplay></video></p>
        <table><tr><td colspan="2">cell<!-- in a cell --><td>bad</table><p>unclosed<div>block</div>
        </body></html>
        """)]
    [InlineData("<p>Only a fragment, <b>bold <i>and italic</b> crossed</i>.")]
    public void Parse_AnyPage_GivesTheTreeTheDefaultParserGivesWithoutCommentText(string html)
    {
        var expected = new HtmlParser().ParseDocument(html);
        foreach (var comment in expected.Descendants<IComment>())
        {
            comment.Data = "";
        }

        var parsed = PageParser.Parse(html.AsMemory());

        Assert.Equal(expected.DocumentElement.OuterHtml, parsed.DocumentElement.OuterHtml);
        Assert.Equal(expected.Title, parsed.Title);
    }

    [Fact]
    public void Parse_NoFrames_ReadsWhatTheyHoldAsMarkup()
    {
        var parsed = PageParser.Parse("<body><noframes><p>Shown where frames are not.</p></noframes></body>".AsMemory());

        Assert.Equal("Shown where frames are not.", parsed.QuerySelector("noframes > p")?.TextContent);
    }

    [Fact]
    public void Parse_FromABuffer_KeepsNoneOfItsCharactersInTheTree()
    {
        // The reader parses from a pooled buffer: the tree must not point into it once parsed.
        const string html = """<html lang="en"><head><title>A title</title><meta name="author" content="A. Writer"></head><body class="page"><p id="p">Some <a href="/x">text</a> &amp; more.</p></body></html>""";
        var buffer = html.ToCharArray();

        var parsed = PageParser.Parse(buffer.AsMemory());
        Array.Fill(buffer, 'x');

        Assert.Equal(PageParser.Parse(html.AsMemory()).DocumentElement.OuterHtml, parsed.DocumentElement.OuterHtml);
    }
}
