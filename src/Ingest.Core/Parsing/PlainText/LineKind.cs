namespace Ingest.Core.Parsing.PlainText;

/// <summary>What one line of a plain-text dump is, judged on its own; headings and titles need context and are decided later.</summary>
internal enum LineKind
{
    /// <summary>Page furniture: <c>header-image</c>, <c>Advertisement</c>, share and subscribe lines.</summary>
    Boilerplate,

    /// <summary>An image credit such as <c>Credit: Carlos Barria/Reuters</c>.</summary>
    Credit,

    /// <summary>A line opening with a bullet mark.</summary>
    Bullet,

    /// <summary>Authors, category and dates.</summary>
    Byline,

    /// <summary>Anything else: a title, heading or paragraph.</summary>
    Text,
}
