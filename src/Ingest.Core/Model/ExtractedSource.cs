namespace Ingest.Core.Model;

/// <summary>What extraction knows of the file an article came from.</summary>
/// <param name="Format">One of <see cref="ArticleFormats"/>.</param>
/// <param name="Encoding">The text encoding the bytes were decoded with (see <see cref="Decoding.TextEncodingNames"/>).</param>
/// <param name="ContentHash">XXH128 of the normalised text, 32 lowercase hex digits (<see cref="Metadata.ContentHash"/>).</param>
/// <param name="SizeBytes">The size of the file as received.</param>
public sealed record ExtractedSource(string Format, string Encoding, string ContentHash, long SizeBytes);
