using AngleSharp.Html.Parser;
using Ingest.Core.Parsing.Html.Content;

namespace Ingest.Core.Tests.Parsing.Html;

public sealed class PageMeasureTests
{
    [Theory]
    [InlineData("<div><p>Intro words, more. <a href='/x'>a link with <span>inner, words</span> and more</a> tail.</p></div>", "span")]
    [InlineData("<div><p>Intro words. <a href='#notes'>an in-page link with <b>bold\u3001words</b></a> tail.</p><p>More.</p></div>", "b")]
    [InlineData("<div><p>Intro words. <a href='/x'>outer <a href='/y'>inner <i>deep</i></a></a></p></div>", "i")]
    [InlineData("<div><p>Intro words, <a href='/x'>a link</a>.</p><p id='gone'>A paragraph <a href='/z'>with a link</a>.</p></div>", "p")]
    public void Remove_ANode_LeavesEveryLengthAsMeasuringAgainWould(string body, string removedTag)
    {
        var root = PageTree.Build(new HtmlParser().ParseDocument($"<html><body>{body}</body></html>"), 256);
        PageMeasure.Measure(root);

        PageMeasure.Remove(root.Descendants().Last(n => n.Tag == removedTag));
        var afterRemoval = Lengths(root);
        PageMeasure.Measure(root);

        Assert.Equal(Lengths(root), afterRemoval);
    }

    private static List<string> Lengths(PageNode root) =>
        [.. root.Descendants().Prepend(root).Where(n => !n.IsText).Select(n => $"{n.Tag}: {n.TextLength} text, {n.LinkLength:F6} links, {n.Commas} commas")];
}
