using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ingest.Core.Parsing.Bylines;
using Ingest.Core.Parsing.PlainText;
using Ingest.Core.Parsing.Sections;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// Finds a page's main content and reads it as blocks. The content is the <c>article</c> (the one with the most
/// paragraph text), else <c>main</c>, else the element whose paragraphs hold the most text. Inside it, page furniture
/// is left out: navigation, headers, footers, asides, scripts, forms, frames, cookie banners, newsletter boxes, share
/// bars, related-story teasers, ads. Headings <c>h2</c>–<c>h6</c> open sections, <c>figcaption</c> credits are image
/// credits, list items are list items. The walk uses a stack, never recursion, and stops at a depth limit.
/// </summary>
internal static partial class HtmlContent
{
    private static readonly HashSet<string> Furniture = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "script", "style", "form", "iframe", "noscript", "svg", "button", "input",
        "select", "textarea", "template", "object", "embed", "dialog", "img", "picture", "video", "audio", "canvas", "map", "table", "hr", "br",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
        "blockquote", "pre", "table", "header", "footer", "aside", "nav", "form", "dl", "dt", "dd", "hr",
    };

    [GeneratedRegex(@"cookie|consent|gdpr|newsletter|subscribe|sign-?up|share|social|related|promo|advert|\bad-|\bads?\b|sponsor|more-from|recommend|teaser|paywall|popup|modal|byline|entry-meta|post-meta|article-meta|kicker|breadcrumb|comment|masthead|tagline", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureName();

    [GeneratedRegex(@"(?:^|[.;,]\s+|\(\s*)(?:Credits?|Photo(?:graph)?s?|Image|Picture|Illustration)\s*:\s*(?<credit>[^()]+?)\s*\)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditInCaption();

    public static IElement? FindRoot(IDocument document, int maxDepth)
    {
        var articles = document.QuerySelectorAll("article");
        if (articles.Length > 0)
        {
            return articles.MaxBy(a => ParagraphText(a, maxDepth));
        }

        var main = document.QuerySelector("main") ?? document.QuerySelector("[role='main']");
        if (main is not null)
        {
            return main;
        }

        // Readability's idea: the container whose own paragraphs hold the most text.
        return document.QuerySelectorAll("p")
            .Select(p => p.ParentElement)
            .OfType<IElement>()
            .Distinct()
            .MaxBy(parent => parent.Children.Where(c => c.LocalName == "p").Sum(p => p.TextContent.Length))
            ?? document.Body;
    }

    /// <summary>The content's blocks in document order; a byline found in the text goes to <paramref name="byline"/>.</summary>
    public static List<ArticleBlock> ReadBlocks(IElement root, int maxDepth, out Byline? byline)
    {
        byline = null;
        var blocks = new List<ArticleBlock>();
        var stack = new Stack<(IElement Element, int Depth)>();
        PushChildren(stack, root, 1);
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth > maxDepth || IsFurniture(element))
            {
                continue;
            }

            switch (element.LocalName)
            {
                case "h1":
                    break; // The title, read from the metadata.
                case "h2" or "h3" or "h4" or "h5" or "h6":
                    Add(blocks, BlockKind.Heading, HtmlText.Of(element, maxDepth));
                    break;
                case "figure":
                    if (element.QuerySelector("figcaption") is { } caption && Credit(caption, maxDepth) is { } figureCredit)
                    {
                        blocks.Add(new ArticleBlock(BlockKind.Credit, figureCredit));
                    }

                    break;
                case "figcaption":
                    if (Credit(element, maxDepth) is { } credit)
                    {
                        blocks.Add(new ArticleBlock(BlockKind.Credit, credit));
                    }

                    break;
                case "li":
                    Add(blocks, BlockKind.ListItem, HtmlText.Of(element, maxDepth));
                    break;
                default:
                    if (HasBlockChild(element))
                    {
                        PushChildren(stack, element, depth + 1);
                    }
                    else
                    {
                        AddClassified(blocks, HtmlText.Of(element, maxDepth), ref byline);
                    }

                    break;
            }
        }

        return blocks;
    }

    /// <summary>A byline in the page's markup (<c>.byline</c>, <c>.author</c>, <c>.entry-meta</c>), for pages whose metadata names no author.</summary>
    public static Byline? FindBylineInMarkup(IDocument document, int maxDepth) =>
        document.QuerySelectorAll("[class*='byline'], [class*='entry-meta'], [class*='post-meta'], [rel='author'], [class*='author']")
            .Select(e => BylineParser.TryParse(HtmlText.Of(e, maxDepth)))
            .FirstOrDefault(b => b is { Authors.Count: > 0 });

    private static void AddClassified(List<ArticleBlock> blocks, string text, ref Byline? byline)
    {
        if (text.Length == 0)
        {
            return;
        }

        var line = LineClassifier.Classify(text);
        switch (line.Kind)
        {
            case LineKind.Boilerplate:
                break;
            case LineKind.Byline:
                byline ??= line.Byline;
                break;
            case LineKind.Credit:
                blocks.Add(new ArticleBlock(BlockKind.Credit, line.Text));
                break;
            case LineKind.Bullet:
                blocks.Add(new ArticleBlock(BlockKind.ListItem, line.Text));
                break;
            default:
                blocks.Add(new ArticleBlock(BlockKind.Paragraph, line.Text));
                break;
        }
    }

    private static void Add(List<ArticleBlock> blocks, BlockKind kind, string text)
    {
        if (text.Length > 0)
        {
            blocks.Add(new ArticleBlock(kind, text));
        }
    }

    /// <summary>The credit in a caption: a <c>.credit</c> element, or a "Credit:"/"Photo:" part of its text.</summary>
    private static string? Credit(IElement caption, int maxDepth)
    {
        var text = caption.QuerySelector("[class*='credit']") is { } marked ? HtmlText.Of(marked, maxDepth) : HtmlText.Of(caption, maxDepth);
        var line = LineClassifier.Classify(text);
        if (line.Kind == LineKind.Credit)
        {
            return line.Text;
        }

        var match = CreditInCaption().Match(text);
        return match.Success ? match.Groups["credit"].Value.Trim() : null;
    }

    private static bool IsFurniture(IElement element) =>
        Furniture.Contains(element.LocalName)
        || element.GetAttribute("aria-hidden") == "true"
        || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog"
        || FurnitureName().IsMatch((element.ClassName ?? "") + " " + element.Id);

    private static bool HasBlockChild(IElement element) => element.Children.Any(c => Blocks.Contains(c.LocalName));

    private static void PushChildren(Stack<(IElement, int)> stack, IElement element, int depth)
    {
        for (var i = element.Children.Length - 1; i >= 0; i--)
        {
            stack.Push((element.Children[i], depth));
        }
    }

    private static int ParagraphText(IElement element, int maxDepth) =>
        element.QuerySelectorAll("p").Take(500).Sum(p => HtmlText.Of(p, maxDepth).Length);
}
