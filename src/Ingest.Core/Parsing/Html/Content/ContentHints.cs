using System.Text.RegularExpressions;

namespace Ingest.Core.Parsing.Html.Content;

/// <summary>
/// The weak hints a page's markup gives about what a block is: generic words in class names and ids (never a site's
/// own names), and ARIA roles. They weigh a block's score; in the first, strictest pass they also drop page furniture.
/// </summary>
internal static partial class ContentHints
{
    /// <summary>Class or id weight of a block that looks like content, or like furniture.</summary>
    public const int ClassWeight = 25;

    private static readonly HashSet<string> FurnitureRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search",
    };

    /// <summary>Furniture by name: left out in the strict pass unless the name also says content.</summary>
    [GeneratedRegex(@"-ad-|advert|banner|breadcrumb|comment|community|cookie|consent|gdpr|footer|header|menu|related|remark|replies|\brss\b|sidebar|skyscraper|social|sponsor|supplement|pagination|pager|popup|modal|newsletter|agegate", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"article|body|column|content|main|shadow|\bpost\b|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaybeContent();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|promo|related|scroll|share|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|advert|cookie|newsletter", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"byline|author|dateline|writtenby|p-author", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"(?:\b|_)share(?:\b|_)|sharing", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Share();

    /// <summary>Furniture by class, id or role: the node's own, or those of the <c>div</c> it took the place of.</summary>
    public static bool IsFurniture(PageNode node) =>
        (node.Hints.Length > 0 && Furniture().IsMatch(node.Hints) && !MaybeContent().IsMatch(node.Hints))
        || (node.Wrapper is { } wrapper && IsFurniture(wrapper));

    public static bool HasFurnitureRole(PageNode node) =>
        (node.Attributes.Role is { } role && FurnitureRoles.Contains(role)) || (node.Wrapper is { } wrapper && HasFurnitureRole(wrapper));

    public static bool IsBylineMarkup(PageNode node) =>
        node.Attributes.Rel == "author"
        || (node.Attributes.ItemProp?.Contains("author", StringComparison.OrdinalIgnoreCase) ?? false)
        || (node.Hints.Length > 0 && Byline().IsMatch(node.Hints))
        || (node.Wrapper is { } wrapper && IsBylineMarkup(wrapper));

    public static bool IsShare(PageNode node) => node.Hints.Length > 0 && Share().IsMatch(node.Hints);

    /// <summary>+25 for a class or id that says content, −25 for one that says furniture, each counted for class and id apart.</summary>
    /// <remarks>Kept on the node once weighed: scoring and cleaning ask again for the same nodes.</remarks>
    public static int Weight(PageNode node) => node.HintWeight ??= node.Element is null ? 0 : WeightOf(node.Element.ClassName) + WeightOf(node.Element.Id);

    private static int WeightOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return 0;
        }

        return (Negative().IsMatch(name) ? -ClassWeight : 0) + (Positive().IsMatch(name) ? ClassWeight : 0);
    }
}
