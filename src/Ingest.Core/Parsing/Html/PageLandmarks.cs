using System.Buffers;
using AngleSharp.Dom;

namespace Ingest.Core.Parsing.Html;

/// <summary>
/// The elements the page's readers look for outside its content: meta tags, JSON-LD scripts, top headings, the first
/// <c>time</c> with a date, and markup that marks a byline. Found in one walk of the document, in document order (a
/// selector query walks the whole document each time, and a page was walked six times over for these). An element a
/// cheap test lets through is confirmed against the selector itself, so that each list is what the selector would find.
/// </summary>
internal sealed class PageLandmarks
{
    public const string JsonLdSelector = "script[type='application/ld+json']";

    public const string BylineSelector = "[class*='byline'], [class*='entry-meta'], [class*='post-meta'], [rel='author'], [class*='author']";

    private PageLandmarks()
    {
    }

    public List<IElement> Metas { get; } = [];

    public List<IElement> JsonLdScripts { get; } = [];

    public List<IElement> H1s { get; } = [];

    public List<IElement> H2s { get; } = [];

    /// <summary>The first <c>time[datetime]</c>.</summary>
    public IElement? DatedTime { get; private set; }

    /// <summary>Elements whose class names a byline, an author or an entry's meta, or that link to the author.</summary>
    public List<IElement> BylineMarkup { get; } = [];

    public static PageLandmarks Find(IDocument document)
    {
        var landmarks = new PageLandmarks();
        var pending = new Stack<INode>();
        pending.Push(document);
        while (pending.TryPop(out var node))
        {
            if (node is IElement element)
            {
                landmarks.Note(element);
            }

            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }

        return landmarks;
    }

    private void Note(IElement element)
    {
        switch (element.LocalName)
        {
            case "meta":
                Metas.Add(element);
                break;
            case "script" when element.GetAttribute("type")?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && element.Matches(JsonLdSelector):
                JsonLdScripts.Add(element);
                break;
            case "h1":
                H1s.Add(element);
                break;
            case "h2":
                H2s.Add(element);
                break;
            case "time" when DatedTime is null && element.HasAttribute("datetime"):
                DatedTime = element;
                break;
        }

        if (MayMarkByline(element) && element.Matches(BylineSelector))
        {
            BylineMarkup.Add(element);
        }
    }

    /// <summary>Every class the byline selector matches holds one of these words, whatever their case.</summary>
    private static readonly SearchValues<string> BylineWords = SearchValues.Create(["author", "byline", "-meta"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the class names a byline word or the <c>rel</c> an author, read in one pass over the attributes (most elements have neither).</summary>
    private static bool MayMarkByline(IElement element)
    {
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            var marks = attribute.Name switch
            {
                "class" => attribute.Value.AsSpan().IndexOfAny(BylineWords) >= 0,
                "rel" => attribute.Value.Contains("author", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (marks)
            {
                return true;
            }
        }

        return false;
    }
}
