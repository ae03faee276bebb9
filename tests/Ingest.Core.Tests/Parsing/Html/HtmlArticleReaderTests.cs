using CsCheck;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;
using Ingest.Core.Parsing.Html;

namespace Ingest.Core.Tests.Parsing.Html;

public sealed class HtmlArticleReaderTests
{
    private static ArticleDraft Read(string html, ExtractionLimits? limits = null) =>
        Assert.Single(new HtmlArticleReader(limits ?? ExtractionLimits.Default).Read(TextNormaliser.Normalise(html)).Drafts);

    [Fact]
    public void Read_JsonLdAndMeta_JsonLdWinsAndProvenanceSaysSo()
    {
        var draft = Read("""
            <html><head>
            <title>Page Title | Site</title>
            <meta property="og:title" content="OG Title">
            <meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2025-01-01T00:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD Title",
              "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Ek"}],"datePublished":"2025-02-19T06:00:00Z",
              "dateModified":"2025-02-19T11:42:00Z","articleSection":"Science","keywords":"space, comets"}</script>
            </head><body><article><h1>H1 Title</h1><p>Body text of the article.</p></article></body></html>
            """);

        Assert.Equal("LD Title", draft.Title);
        Assert.Equal(["Ann Lee", "Bo Ek"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 2, 19), draft.PublishedAt);
        Assert.Equal("2025-02-19T11:42:00+00:00", draft.UpdatedAt);
        Assert.Equal("Science", draft.Category);
        Assert.Equal(["space", "comets"], draft.Tags);
        Assert.Equal(new Provenance { Title = "jsonld", Authors = "jsonld", PublishedAt = "jsonld", UpdatedAt = "jsonld", Category = "jsonld" }, draft.Provenance);
    }

    [Fact]
    public void Read_ParagraphsSeparatedByLineBreaks_KeepsEveryOne()
    {
        // Runs of <br> make paragraphs; the text after each such paragraph was skipped by as many children as it took in.
        var draft = Read("""
            <html><head><title>Letters from the Coast</title></head><body><div class="story">
            <br><br>The first letter came in <b>early spring</b>, folded twice and smelling of salt, with a note about the tides.
            <br><br>The second letter, written in <i>a hurried hand</i>, told of the storm that took the old pier and two boats.
            <br><br>The third letter <a href="/map">had a map</a> of the new harbour wall, drawn with care and signed at the foot.
            <br><br>The fourth letter was short: the boats were back, the nets were mended, and the gulls had returned.
            </div></body></html>
            """);

        var body = string.Join("\n", draft.Sections.SelectMany(s => s.Paragraphs));
        Assert.Contains("The first letter came in early spring", body, StringComparison.Ordinal);
        Assert.Contains("The second letter, written in a hurried hand", body, StringComparison.Ordinal);
        Assert.Contains("The third letter had a map of the new harbour wall", body, StringComparison.Ordinal);
        Assert.Contains("The fourth letter was short", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonLdInsideGraph_IsFound()
    {
        var draft = Read("""
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Not it"},{"@type":["NewsArticle"],"headline":"In the graph"}]}</script>
            <article><p>Text.</p></article>
            """);

        Assert.Equal("In the graph", draft.Title);
    }

    [Fact]
    public void Read_OnlyMeta_TakesMetaWithProvenanceMeta()
    {
        var draft = Read("""
            <html><head><meta property="og:title" content="OG Title"><meta name="author" content="Samuel Achterberg, Leah Moreno-Quist">
            <meta property="article:published_time" content="2025-04-24T15:20:00+01:00"><meta property="article:section" content="Business">
            <meta property="article:tag" content="retail"><meta property="article:tag" content="co-ops"></head>
            <body><article><p>Body.</p></article></body></html>
            """);

        Assert.Equal("OG Title", draft.Title);
        Assert.Equal(["Samuel Achterberg", "Leah Moreno-Quist"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 4, 24), draft.PublishedAt);
        Assert.Equal("Business", draft.Category);
        Assert.Equal(["retail", "co-ops"], draft.Tags);
        Assert.Equal("meta", draft.Provenance.Authors);
    }

    [Fact]
    public void Read_NoMetadata_TitleFromTitleElementWithoutSiteNameAndBylineFromText()
    {
        var draft = Read("""
            <html><head><title>Harbour Reopens After Winter Repairs - The Gazette</title></head><body><article>
            <h1>The Gazette</h1><p class="byline">By Ann Lee | Published 3 March 2025</p>
            <p>The harbour reopened on Monday.</p></article></body></html>
            """);

        Assert.Equal("Harbour Reopens After Winter Repairs", draft.Title);
        Assert.Equal(["Ann Lee"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 3, 3), draft.PublishedAt);
        Assert.Equal(new Provenance { Title = "meta", Authors = "byline", PublishedAt = "byline" }, draft.Provenance);
        Assert.Equal(["The harbour reopened on Monday."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_NoTitleAnywhereButTheHeading_TitleFromH1()
    {
        var draft = Read("<html><body><article><h1>Harbour Reopens After Repairs</h1><p>The harbour reopened on Monday.</p></article></body></html>");

        Assert.Equal("Harbour Reopens After Repairs", draft.Title);
        Assert.Equal("heading", draft.Provenance.Title);
    }

    [Theory]
    [InlineData("Harbour Reopens After Winter Repairs | The Gazette", "", "Harbour Reopens After Winter Repairs")]
    [InlineData("The Gazette | Harbour Reopens After Winter Repairs", "", "Harbour Reopens After Winter Repairs")]
    [InlineData("Harbour Reopens | The Gazette", "", "Harbour Reopens | The Gazette")]
    [InlineData("Harbour Reopens | The Gazette", "<meta property=\"og:site_name\" content=\"The Gazette\">", "Harbour Reopens")]
    [InlineData("The Gazette: Harbour Reopens After Winter Repairs", "", "Harbour Reopens After Winter Repairs")]
    [InlineData("Harbour Reopens After Winter Repairs", "", "Harbour Reopens After Winter Repairs")]
    public void Read_OnlyTitleElement_DropsTheSiteNameWhenThePageShowsWhichPartItIs(string title, string meta, string expected)
    {
        Assert.Equal(expected, Read($"<html><head><title>{title}</title>{meta}</head><body><p>Text.</p></body></html>").Title);
    }

    [Fact]
    public void Read_JsonLdNameAndHeadlineDiffer_TakesTheOneTheTitleElementAgreesWith()
    {
        var draft = Read("""
            <html><head><title>New Zealand - Wikipedia</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"New Zealand","headline":"country in Oceania"}</script>
            </head><body><p>Text.</p></body></html>
            """);

        Assert.Equal("New Zealand", draft.Title);
    }

    [Fact]
    public void Read_JsonLdInCharacterData_IsRead()
    {
        var draft = Read("""
            <html><head><script type="application/ld+json">
            <![CDATA[ {"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour Reopens"} ]]>
            </script></head><body><p>Text.</p></body></html>
            """);

        Assert.Equal("Harbour Reopens", draft.Title);
        Assert.Equal("jsonld", draft.Provenance.Title);
    }

    [Fact]
    public void Read_MetaTitles_DublinCoreFirstAndPropertiesNameSeveralKeys()
    {
        Assert.Equal("Preferred", Read("""<html><head><meta property="og:title" content="Open Graph"><meta property="x:title dc:title" content="Preferred"></head><body><p>Text.</p></body></html>""").Title);
        Assert.Equal("Dublin Core", Read("""<html><head><meta name="DC.Title" content="Dublin Core"><title>Element</title></head><body><p>Text.</p></body></html>""").Title);
    }

    [Fact]
    public void Read_NoArticleOrMain_PicksTheDensestTextBlockAndDropsFurniture()
    {
        var draft = Read("""
            <body><div id="cookie-notice">We use cookies. Accept all</div>
            <nav><p>Home</p><p>News</p></nav>
            <div class="sidebar"><p>Short.</p></div>
            <div class="content"><p>The first long paragraph of the story, with enough words to count.</p>
            <div class="share-bar"><p>Share on Facebook</p></div>
            <p>The second long paragraph of the story, which also carries weight.</p></div>
            <footer><p>All rights reserved</p></footer></body>
            """);

        var paragraphs = draft.Sections.SelectMany(s => s.Paragraphs).ToList();
        Assert.Equal(2, paragraphs.Count);
        Assert.StartsWith("The first long paragraph", paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArticleBody_SectionsCreditsKeyPointsListsAndEntities()
    {
        var draft = Read("""
            <article><header><h1>Title</h1><p class="byline">By Ann Lee</p></header>
            <ul class="key-points"><li>First point</li><li>Second point</li></ul>
            <p>Lead paragraph &amp; more &#x27;quoted&#x27; text.</p>
            <h2>First Section</h2>
            <figure><img src="a.jpg"><figcaption>The dome at dusk. Photo: Ewan Lisle/Society</figcaption></figure>
            <p>Section text.</p><ul><li>A list item</li></ul>
            <h3>Sub Section</h3><blockquote><p>A quoted passage.</p></blockquote>
            <aside class="related"><h2>Related</h2><ul><li><a href="/x">Other story</a></li></ul></aside>
            <script>var tracking = 1;</script><style>.x{}</style>
            <div class="newsletter"><p>Sign up to receive our briefing</p></div>
            </article>
            """);

        Assert.Equal(["First point", "Second point"], draft.Summary);
        Assert.Equal([null, "First Section", "Sub Section"], draft.Sections.Select(s => s.Heading));
        Assert.Equal(["Lead paragraph & more 'quoted' text."], draft.Sections[0].Paragraphs);
        Assert.Equal(["The dome at dusk.", "Section text.", "A list item"], draft.Sections[1].Paragraphs);
        Assert.Equal(["Ewan Lisle/Society"], draft.Sections[1].ImageCredits);
        Assert.Equal(["A quoted passage."], draft.Sections[2].Paragraphs);
    }

    [Fact]
    public void Read_FiftyThousandNestedDivs_ReadsWithoutRecursingAndKeepsTheText()
    {
        const int depth = 50_000;
        var html = "<article><p>Shallow paragraph.</p>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<h2>Deep heading</h2><p>Deep text.</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</article>";

        var draft = Read(html);

        var text = string.Join(" ", draft.Sections.SelectMany(s => s.Paragraphs));
        Assert.Contains("Shallow paragraph.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deep heading", draft.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Read_NestingDepthLimitFromOptions_StructurePastItIsReadAsText()
    {
        var nested = string.Concat(Enumerable.Repeat("<div>", 30)) + "<h2>Deep heading</h2><p>Deep text, long enough to be a paragraph of its own.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 30));
        var html = "<article><p>Lead paragraph, long enough to be read as one.</p>" + nested + "</article>";

        var generous = Read(html, ExtractionLimits.Default with { MaxNestingDepth = 100 });
        var strict = Read(html, ExtractionLimits.Default with { MaxNestingDepth = 10 });

        Assert.Contains("Deep heading", generous.Sections.Select(s => s.Heading));
        Assert.DoesNotContain("Deep heading", strict.Sections.Select(s => s.Heading));
        Assert.Contains(strict.Sections.SelectMany(s => s.Paragraphs), p => p.Contains("Deep text, long enough", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_FiveMegabyteLine_IsOneParagraph()
    {
        var draft = Read("<html><body><p>" + string.Concat(Enumerable.Repeat("word ", 1_000_000)) + "</p></body></html>");

        Assert.Equal(1_000_000, draft.Sections.Single().Paragraphs.Single().Split(' ').Length);
    }

    [Fact]
    public void Read_AnyTagSoup_NeverThrows()
    {
        var piece = Gen.OneOf(
            Gen.Const("<div>"), Gen.Const("</div>"), Gen.Const("<p>"), Gen.Const("<h2>"), Gen.Const("</h2>"), Gen.Const("<article>"),
            Gen.Const("<figure><figcaption>Credit: X</figcaption>"), Gen.Const("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"),
            Gen.Const("<ul><li>"), Gen.Const("&amp;"), Gen.Const("<!--"), Gen.Const("<meta name=author content="), Gen.String);
        piece.Array[0, 60].Select(string.Concat).Sample(html => new HtmlArticleReader(ExtractionLimits.Default).Read(html), iter: 1_000);
    }
}

public sealed class HtmlContentFindingTests
{
    private const string Para1 = "The council in Harbour Town voted on Monday to build a new sea wall along the eastern promenade, after winter storms flooded more than forty homes.";
    private const string Para2 = "Councillors approved a budget of 4.2 million for the work, which will begin in May and is expected to take two years to finish.";
    private const string Para3 = "Engineers said the design had been tested against the worst storms of the past century, and that it would protect the harbour.";
    private const string Para4 = "Residents who lost their homes in the floods will be offered places on a committee that oversees the building of the wall.";

    private static ArticleDraft Read(string html) =>
        Assert.Single(new HtmlArticleReader(ExtractionLimits.Default).Read(TextNormaliser.Normalise(html)).Drafts);

    private static List<string> Paragraphs(ArticleDraft draft) => draft.Sections.SelectMany(s => s.Paragraphs).ToList();

    [Fact]
    public void Read_CommentsAndSidebarBesideTheArticle_AreLeftOut()
    {
        var draft = Read($"""
            <html><head><title>Harbour Town Approves Sea Wall After Storms - Harbour News</title></head><body>
            <div class="layout"><div class="story"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p></div>
            <div class="sidebar"><p>Most read: Harbour festival returns, coast road reopens, fishermen call for warnings, and more, and more.</p></div>
            <div id="comments"><p>Jane wrote: great news for the town, and about time too, my street flooded twice this year, twice.</p></div></div>
            </body></html>
            """);

        Assert.Equal([Para1, Para2, Para3, Para4], Paragraphs(draft));
        Assert.Equal("Harbour Town Approves Sea Wall After Storms", draft.Title);
    }

    [Fact]
    public void Read_ArticleSplitByAnAdvert_KeepsBothParts()
    {
        var draft = Read($"""
            <html><body><article><div class="text"><p>{Para1}</p><p>{Para2}</p></div>
            <div class="advert-slot"><a href="/ad">Buy now</a></div>
            <div class="text"><p>{Para3}</p><p>{Para4}</p></div></article></body></html>
            """);

        Assert.Equal([Para1, Para2, Para3, Para4], Paragraphs(draft));
    }

    [Fact]
    public void Read_ArticleInAContainerNamedLikeFurniture_IsStillFound()
    {
        // A strict pass drops "site_header" and all in it, and finds only the notice: enough text, but little of the page's
        // prose. The looser pass keeps the container and finds far more.
        var story = string.Concat(Enumerable.Repeat($"<p>{Para1}</p><p>{Para2}</p><p>{Para3}</p><p>{Para4}</p>", 3));
        var draft = Read($"""
            <html><body><div class="layout"><div class="row site_header"><div class="article_body">{story}</div></div></div>
            <div class="print_message"><p>This page was printed from the site. Thank you for reading it. Visit the site for news posted throughout the day, every day of the week, from all over the world and in every field of science and medicine, with new stories every hour of every day of the year. Our writers cover health, research, policy and the people behind them, and our editors check every story before it goes out to readers in more than one hundred countries, who come back to us for news they can trust and explanations they can follow.</p></div>
            </body></html>
            """);

        Assert.Equal(12, Paragraphs(draft).Count(p => p is Para1 or Para2 or Para3 or Para4));
    }

    [Fact]
    public void Read_BylineMarkupHoldingOnlyAName_NamesTheAuthorAndStaysOutOfTheText()
    {
        var draft = Read($"""
            <html><head><title>Harbour Town Approves Sea Wall After Storms</title></head><body><article>
            <h1>Harbour Town Approves Sea Wall After Storms</h1><span class="author-name">Ann Lee</span>
            <p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></article></body></html>
            """);

        Assert.Equal(["Ann Lee"], draft.Authors);
        Assert.DoesNotContain(Paragraphs(draft), p => p.Contains("Ann Lee", StringComparison.Ordinal));
        Assert.DoesNotContain("Harbour Town Approves Sea Wall After Storms", draft.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Read_FurnitureNamedElementInsideASentence_IsKept()
    {
        var draft = Read($"""
            <html><body><article><p>{Para1}</p><p>Press <span class="menu-key">Escape</span> to leave the map of the flooded streets, which the council published today.</p>
            <p>{Para2}</p></article></body></html>
            """);

        Assert.Contains(Paragraphs(draft), p => p.Contains("Press Escape to leave", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DataTable_IsReadRowByRow()
    {
        var draft = Read($"""
            <html><body><article><p>{Para1}</p><p>{Para2}</p>
            <table><thead><tr><th>Year</th><th>Homes flooded</th></tr></thead><tbody><tr><td>2023</td><td>12</td></tr><tr><td>2024</td><td>41</td></tr></tbody></table>
            <p>{Para3}</p></article></body></html>
            """);

        var paragraphs = Paragraphs(draft);
        Assert.Contains("Year Homes flooded", paragraphs);
        Assert.Contains("2024 41", paragraphs);
    }
}
