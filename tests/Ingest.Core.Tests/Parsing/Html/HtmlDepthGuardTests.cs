using Ingest.Core.Parsing.Html;

namespace Ingest.Core.Tests.Parsing.Html;

public sealed class HtmlDepthGuardTests
{
    [Fact]
    public void Flatten_ShallowPage_IsReturnedAsItIs()
    {
        const string html = "<html><body><div><p>Text</p></div></body></html>";

        Assert.Same(html, HtmlDepthGuard.Flatten(html, 10));
    }

    [Fact]
    public void Flatten_NestingPastTheLimit_DropsTheTagsPastItAndKeepsTheText()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20)) + "deep words" + string.Concat(Enumerable.Repeat("</div>", 20));

        var flattened = HtmlDepthGuard.Flatten(html, 5);

        Assert.Contains("deep words", flattened, StringComparison.Ordinal);
        Assert.Equal(5, flattened.Split("<div>").Length - 1);
    }

    [Fact]
    public void Flatten_TagsInsideScriptsStylesAndComments_AreNotNesting()
    {
        var fake = string.Concat(Enumerable.Repeat("<div>", 50));
        var html = $"<html><head><script>var s = '{fake}';</script><style>/* {fake} */</style></head><body><!-- {fake} --><p>Text</p></body></html>";

        Assert.Same(html, HtmlDepthGuard.Flatten(html, 10));
    }

    [Fact]
    public void Flatten_ElementsWhoseEndTagsMayBeLeftOut_AreNotNesting()
    {
        var html = "<table>" + string.Concat(Enumerable.Repeat("<tr><td>cell<td>cell", 200)) + "</table><select>"
            + string.Concat(Enumerable.Repeat("<option>choice", 200)) + "</select>";

        Assert.Same(html, HtmlDepthGuard.Flatten(html, 10));
    }

    [Fact]
    public void Flatten_SelfClosedForeignElements_AreNotNesting()
    {
        var html = "<svg>" + string.Concat(Enumerable.Repeat("<path d=\"M0 0\"/>", 300)) + "</svg>";

        Assert.Same(html, HtmlDepthGuard.Flatten(html, 10));
    }
}
