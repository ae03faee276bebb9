namespace Ingest.Core.Model;

/// <summary>The values a <see cref="Provenance"/> field takes (the HTTP contract lists more, one per format).</summary>
public static class ProvenanceSources
{
    /// <summary>The body text itself, e.g. the first line of a plain-text dump taken as its title.</summary>
    public const string Text = "text";

    /// <summary>A byline such as <c>By A and B | Published 3 March 2025</c>.</summary>
    public const string Byline = "byline";

    /// <summary>The dateline opening the first paragraph.</summary>
    public const string Dateline = "dateline";
}
