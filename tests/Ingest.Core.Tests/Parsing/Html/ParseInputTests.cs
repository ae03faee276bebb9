using Ingest.Core.Parsing.Html;

namespace Ingest.Core.Tests.Parsing.Html;

public sealed class ParseInputTests
{
    private static string Of(string html, int maxDepth)
    {
        using var input = ParseInput.Of(html, maxDepth);
        return input.Written.ToString();
    }

    [Fact]
    public void Of_ShallowPageWithoutScripts_IsThePageAsItIs()
    {
        const string html = "<html><body><div><p>Text</p></div><textarea><b>typed</b></textarea></body></html>";

        Assert.Equal(html, Of(html, 10));
    }

    [Fact]
    public void Of_NestingPastTheLimit_DropsTheTagsPastItAndKeepsTheText()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20)) + "deep words" + string.Concat(Enumerable.Repeat("</div>", 20));

        var input = Of(html, 5);

        Assert.Contains("deep words", input, StringComparison.Ordinal);
        Assert.Equal(5, input.Split("<div>").Length - 1);
    }

    [Fact]
    public void Of_TagsInsideScriptsStylesAndComments_AreNotNesting()
    {
        var fake = string.Concat(Enumerable.Repeat("<div>", 50));
        var html = $"<html><head><title>{fake}</title></head><body><!-- {fake} --><template>{fake}</template><p>Text</p></body></html>";

        Assert.Equal(html, Of(html, 10));
    }

    [Fact]
    public void Of_ElementsWhoseEndTagsMayBeLeftOut_AreNotNesting()
    {
        var html = "<table>" + string.Concat(Enumerable.Repeat("<tr><td>cell<td>cell", 200)) + "</table><select>"
            + string.Concat(Enumerable.Repeat("<option>choice", 200)) + "</select>";

        Assert.Equal(html, Of(html, 10));
    }

    [Fact]
    public void Of_SelfClosedForeignElements_AreNotNesting()
    {
        var html = "<svg>" + string.Concat(Enumerable.Repeat("<path d=\"M0 0\"/>", 300)) + "</svg>";

        Assert.Equal(html, Of(html, 10));
    }

    [Fact]
    public void Of_ScriptsAndStyles_KeepTheirTagsAndLoseWhatTheyHold()
    {
        const string html = """<head><style media="screen">p { color: red }</style><SCRIPT src="a.js"></SCRIPT></head><body><p>Text</p><script type="module">var a = "<div>";</Script ></body>""";

        Assert.Equal("""<head><style media="screen"></style><SCRIPT src="a.js"></SCRIPT></head><body><p>Text</p><script type="module"></Script ></body>""", Of(html, 10));
    }

    [Fact]
    public void Of_JsonLdScripts_KeepWhatTheyHold()
    {
        const string html = """<script type="application/LD+JSON">{"@type":"NewsArticle","headline":"A </b> B"}</script><script type="application/json">{"big":"state"}</script>""";

        Assert.Equal("""<script type="application/LD+JSON">{"@type":"NewsArticle","headline":"A </b> B"}</script><script type="application/json"></script>""", Of(html, 10));
    }

    [Theory]
    [InlineData("<script>document.write('<!-- <script>x</script> -->');</script><p>Text</p>")]
    [InlineData("<p>Text</p><script>var never = 'closed';")]
    public void Of_ScriptsAParserMightEndElsewhere_AreLeftAsTheyAre(string html)
    {
        // A script holding "<!--" may hold "</script>" that does not end it (the escaped states of HTML's tokenizer); a script
        // never closed runs to the end of the page. Each is given to the parser whole.
        Assert.Equal(html, Of(html, 10));
    }

    [Theory]
    [InlineData("""<script data-when="a > b">var s = 1;</script><p>Text</p>""", """<script data-when="a > b"></script><p>Text</p>""")]
    [InlineData("""<script data-html='<b>bold</b>' async>var s = 1;</script><p>Text</p>""", """<script data-html='<b>bold</b>' async></script><p>Text</p>""")]
    [InlineData("""<style media=screen data-x = "1>0">p { }</style><p>Text</p>""", """<style media=screen data-x = "1>0"></style><p>Text</p>""")]
    public void Of_AStartTagWithAQuotedGreaterThanSign_EndsWhereTheParserEndsIt(string html, string expected)
    {
        // A '>' inside a quoted attribute value does not end the tag: what the script holds starts after the real end.
        Assert.Equal(expected, Of(html, 10));
    }

    [Fact]
    public void Of_AnEndTagOfALongerName_DoesNotEndTheScript()
    {
        Assert.Equal("<script></script><p>Text</p>", Of("<script>var end = '</scripts>';</script><p>Text</p>", 10));
    }

    [Fact]
    public void Of_ScriptsAndStyles_ParseToTheTreeOfThePageButForWhatTheyHold()
    {
        const string html = """
            <html><head><style>h1 { margin: 0 }</style><script type="application/ld+json">{"headline":"Kept"}</script></head>
            <body><h1>Title<script>track("h1")</script></h1><p>Text <style>.x{}</style>and more.</p><svg><script>svg()</script></svg></body></html>
            """;

        var expected = PageParser.Parse(html.AsMemory());
        foreach (var element in expected.QuerySelectorAll("script:not([type]), style"))
        {
            element.TextContent = "";
        }

        using var input = ParseInput.Of(html, 10);
        var parsed = PageParser.Parse(input.Memory);

        Assert.Equal(expected.DocumentElement.OuterHtml, parsed.DocumentElement.OuterHtml);
    }

    [Fact]
    public void Of_AnyPageOfScriptsStylesAndMarkup_ParsesToItsTreeButForWhatScriptsAndStylesHold()
    {
        // Random pages of fragments that test a scanner: quoted '>' in attributes, tags inside scripts, styles and comments,
        // escaped scripts, end tags of longer names, JSON-LD, raw text elements whose content looks like markup.
        string[] fragments =
        [
            "<div class=\"a\">", "</div>", "<p>", "</p>", "words and more ", "a > b ", "<span title=\"x>y\">", "</span>", "<br/>",
            "<script>var a = '<div>';</script>", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
            "<script data-x='a>b'>x()</script>", "<SCRIPT>y()</SCRIPT >", "<script>if (a<b) c();</script>", "<script><!-- x --></script>",
            "<script>document.write('<scr'+'ipt></scr'+'ipt>')</script>", "<script>var s = '</scripts>';</script>", "<script src=x.js></script>",
            "<style>p>a{}</style>", "<style media=\"a>b\">x{}</style>", "<!-- <script>not one</script> -->", "<textarea><script>t</script></textarea>",
            "<title>t</title>", "<svg><script>x()</script></svg>", "<noscript><p>shown</p></noscript>", "<a href=\"/x?a=1&b=2\">link</a>",
        ];
        var random = new Random(21);
        for (var round = 0; round < 500; round++)
        {
            var html = "<html><body>" + string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => fragments[random.Next(fragments.Length)])) + "</body></html>";
            var expected = PageParser.Parse(html.AsMemory());
            foreach (var element in expected.QuerySelectorAll("script, style"))
            {
                if (element.GetAttribute("type") != "application/ld+json" && !element.TextContent.Contains("<!--", StringComparison.Ordinal))
                {
                    element.TextContent = "";
                }
            }

            using var input = ParseInput.Of(html, maxDepth: 256);
            var parsed = PageParser.Parse(input.Memory);

            Assert.True(expected.DocumentElement.OuterHtml == parsed.DocumentElement.OuterHtml, html);
        }
    }
}
