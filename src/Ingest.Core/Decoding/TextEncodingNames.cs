namespace Ingest.Core.Decoding;

/// <summary>The encodings <see cref="TextDecoder"/> recognises, as recorded in <c>source.encoding</c>.</summary>
public static class TextEncodingNames
{
    public const string Utf8 = "utf-8";
    public const string Utf8WithBom = "utf-8-bom";
    public const string Utf16LittleEndian = "utf-16le";
    public const string Utf16BigEndian = "utf-16be";
    public const string Utf32LittleEndian = "utf-32le";
    public const string Utf32BigEndian = "utf-32be";
    public const string Windows1252 = "windows-1252";
}
