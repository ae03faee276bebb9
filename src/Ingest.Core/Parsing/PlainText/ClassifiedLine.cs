using Ingest.Core.Parsing.Bylines;

namespace Ingest.Core.Parsing.PlainText;

/// <param name="Kind">What the line is.</param>
/// <param name="Text">The line's content without its marker: the credit, the bullet's text, or the whole line.</param>
/// <param name="Byline">The parsed byline, for <see cref="LineKind.Byline"/>.</param>
internal readonly record struct ClassifiedLine(LineKind Kind, string Text, Byline? Byline = null);
