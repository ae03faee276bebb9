using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ingest.Core.Parsing.Html;

namespace Ingest.Core.Tests.Parsing.Html;

public sealed class PageLandmarksTests
{
    private const string Page = """
        <html><head>
        <META property="og:title" content="One"><meta name="author" content="Ann Lee">
        <script type="application/ld+json">{"@type":"NewsArticle"}</script>
        <script type="Application/LD+JSON">{"@type":"Article"}</script>
        <script type="application/json">{"not":"ld"}</script>
        <script type="text/javascript">var json = 1;</script>
        <title>One</title></head>
        <body>
        <header><h2>Site</h2><nav class="menu"><a rel="Author" href="/a">Ann</a><a rel="author me" href="/b">Bo</a></nav></header>
        <article>
          <H1 class="title">One</H1>
          <p class="Byline">By Ann Lee</p><span class="post-meta-data">Posted</span><div class="entry-metadata">x</div>
          <div class="the-AUTHOR box"><span class="meta">no</span><span class="authored">A</span></div>
          <time>no date</time><time datetime="2024-05-01">1 May</time><time datetime="2024-06-01">1 June</time>
          <section><h1>Two</h1><h2>Part</h2></section>
          <svg><h1>inside svg</h1><title class="author">svg title</title></svg>
          <template><p class="byline">in a template</p><meta name="x" content="y"></template>
        </article>
        <footer rel="author" class="writtenby"><meta itemprop="name" content="Ann"></footer>
        </body></html>
        """;

    [Fact]
    public void Find_ListsWhatEachSelectorFinds_InDocumentOrder()
    {
        using var document = new HtmlParser().ParseDocument(Page);

        var landmarks = PageLandmarks.Find(document);

        Assert.Equal(Query(document, "meta"), landmarks.Metas);
        Assert.Equal(Query(document, PageLandmarks.JsonLdSelector), landmarks.JsonLdScripts);
        Assert.Equal(Query(document, "h1"), landmarks.H1s);
        Assert.Equal(Query(document, "h2"), landmarks.H2s);
        Assert.Same(document.QuerySelector("time[datetime]"), landmarks.DatedTime);
        Assert.Equal(Query(document, PageLandmarks.BylineSelector), landmarks.BylineMarkup);
        Assert.NotEmpty(landmarks.BylineMarkup);
        Assert.NotEmpty(landmarks.JsonLdScripts);
    }

    private static List<IElement> Query(IDocument document, string selector) => [.. document.QuerySelectorAll(selector)];
}
