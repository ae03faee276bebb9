using AngleSharp.Dom;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// The attributes the page tree and the finder read of every element, found in one pass over its attributes: asking for
/// each by name scans them all again, and a page has tens of thousands of elements, most with none of these (they share
/// <see cref="None"/>).
/// </summary>
internal sealed record NodeAttributes(
    bool Hidden,
    string? AriaHidden,
    string? AriaModal,
    string? Role,
    string? Style,
    string? Rel,
    string? ItemProp,
    string? Href)
{
    public static readonly NodeAttributes None = new(false, null, null, null, null, null, null, null);

    /// <summary>The element's attributes the finder reads, and its class and id (the node's hints), from the same pass.</summary>
    public static NodeAttributes Of(IElement element, out string? className, out string? id)
    {
        (className, id) = (null, null);
        var attributes = element.Attributes;
        if (attributes.Length == 0)
        {
            return None;
        }

        var hidden = false;
        string? ariaHidden = null, ariaModal = null, role = null, style = null, rel = null, itemProp = null, href = null;
        for (var i = 0; i < attributes.Length; i++)
        {
            // The first of a name wins, as a lookup by name finds it.
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "hidden":
                    hidden = true;
                    break;
                case "aria-hidden":
                    ariaHidden ??= attribute.Value;
                    break;
                case "aria-modal":
                    ariaModal ??= attribute.Value;
                    break;
                case "role":
                    role ??= attribute.Value;
                    break;
                case "style":
                    style ??= attribute.Value;
                    break;
                case "rel":
                    rel ??= attribute.Value;
                    break;
                case "itemprop":
                    itemProp ??= attribute.Value;
                    break;
                case "href":
                    href ??= attribute.Value;
                    break;
                case "class":
                    className ??= attribute.Value;
                    break;
                case "id":
                    id ??= attribute.Value;
                    break;
            }
        }

        return hidden || ariaHidden is not null || ariaModal is not null || role is not null || style is not null || rel is not null || itemProp is not null || href is not null
            ? new NodeAttributes(hidden, ariaHidden, ariaModal, role, style, rel, itemProp, href)
            : None;
    }
}
