namespace Ingest.Core.Decoding;

/// <summary>Text decoded from a file's bytes, with the encoding that was used.</summary>
public sealed record DecodedText(string Text, string EncodingName);
