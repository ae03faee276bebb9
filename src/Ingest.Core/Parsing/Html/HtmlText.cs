using System.Text;
using AngleSharp.Dom;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Parsing.Html;

/// <summary>The visible text of an element, gathered without recursion and no deeper than a limit, normalised and single-spaced.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "svg", "button", "select", "textarea" };

    public static string Of(INode node, int maxDepth)
    {
        var text = new StringBuilder();
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((node, 0));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            switch (current)
            {
                case IText textNode:
                    text.Append(textNode.Data);
                    break;
                case IElement element when depth <= maxDepth && !Invisible.Contains(element.LocalName):
                    if (element.LocalName is "br")
                    {
                        text.Append(' ');
                    }

                    for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push((element.ChildNodes[i], depth + 1));
                    }

                    break;
            }
        }

        return LineClassifier.Fold(TextNormaliser.Normalise(text.ToString()));
    }
}
