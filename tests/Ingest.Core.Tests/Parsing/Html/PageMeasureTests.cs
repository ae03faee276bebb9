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

    [Fact]
    public void CollapsedLength_AnyText_CountsEveryRunOfWhiteSpaceOnce()
    {
        // White space of every kind, characters that only look like it (information separators), and ASCII and other letters,
        // so that runs fall across the eight-character blocks the count reads at once, in both ASCII and mixed blocks.
        const string alphabet = " \t\n\r\v\f\u001C\u001Fab,.\u00A0\u0085\u2003\u3000\u00E9\u4E2D";
        var random = new Random(12);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(random.Next(2) == 0 ? 2 : alphabet.Length)])]);

            Assert.Equal(RunsCountedOnce(text), PageMeasure.CollapsedLength(text));
        }
    }

    /// <summary>The definition: every character counts, but white space after white space.</summary>
    private static int RunsCountedOnce(string text) =>
        text.Where((c, at) => !(char.IsWhiteSpace(c) && at > 0 && char.IsWhiteSpace(text[at - 1]))).Count();

    private static List<string> Lengths(PageNode root) =>
        [.. root.Descendants().Prepend(root).Where(n => !n.IsText).Select(n => $"{n.Tag}: {n.TextLength} text, {n.LinkLength:F6} links, {n.Commas} commas")];
}
