using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Ingest.Core.Decoding;

/// <summary>
/// Turns a file's bytes into text. A byte-order mark decides first (UTF-32, UTF-8, UTF-16);
/// without one, bytes that are valid UTF-8 are UTF-8 and anything else is Windows-1252, the
/// encoding old news-site exports and Windows tools produce. Never throws on bad input:
/// invalid sequences become U+FFFD. ASCII white space that ends a UTF-8 or Windows-1252 file (its last line
/// ends, nearly always) is not decoded: normalising would cut it, and only by copying the whole text.
/// </summary>
public static class TextDecoder
{
    // Windows-1252 is not built into .NET Core; the code-pages provider ships with the runtime.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    private static readonly (byte[] Bom, Encoding Encoding, string Name)[] ByteOrderMarks =
    [
        // UTF-32 LE first: its mark begins with the UTF-16 LE one.
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false), TextEncodingNames.Utf32LittleEndian),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false), TextEncodingNames.Utf32BigEndian),
        ([0xEF, 0xBB, 0xBF], new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), TextEncodingNames.Utf8WithBom),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false), TextEncodingNames.Utf16LittleEndian),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false), TextEncodingNames.Utf16BigEndian),
    ];

    private static ReadOnlySpan<byte> EndingWhiteSpace => " \t\r\n"u8;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        var encoding = Choose(ref bytes, out var name);
        return new DecodedText(encoding.GetString(bytes), name);
    }

    /// <summary>The most characters <see cref="Decode(ReadOnlySpan{byte}, Span{char})"/> writes for a file of <paramref name="byteCount"/> bytes.</summary>
    public static int MaxChars(int byteCount) => byteCount + 1;

    /// <summary>Decodes into <paramref name="chars"/> (at least <see cref="MaxChars"/> long) instead of a string of its own.</summary>
    /// <returns>How many characters were written, and the encoding's name.</returns>
    /// <remarks>A file without a byte-order mark is decoded as UTF-8 and checked in the same pass; only one that is not UTF-8 is decoded again.</remarks>
    public static (int Length, string EncodingName) Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (ByteOrderMarked(ref bytes, out var marked, out var markedName))
        {
            return (marked.GetChars(bytes, chars), markedName);
        }

        bytes = bytes.TrimEnd(EndingWhiteSpace);
        return Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? (written, TextEncodingNames.Utf8)
            : (Windows1252.GetChars(bytes, chars), TextEncodingNames.Windows1252);
    }

    /// <summary>The encoding of the file; <paramref name="bytes"/> cut to what it decodes (no byte-order mark, no ending white space).</summary>
    private static Encoding Choose(ref ReadOnlySpan<byte> bytes, out string name)
    {
        if (ByteOrderMarked(ref bytes, out var marked, out name))
        {
            return marked;
        }

        // One byte each in both encodings, and never part of a longer sequence.
        bytes = bytes.TrimEnd(EndingWhiteSpace);
        var utf8 = Utf8.IsValid(bytes);
        name = utf8 ? TextEncodingNames.Utf8 : TextEncodingNames.Windows1252;
        return utf8 ? Encoding.UTF8 : Windows1252;
    }

    /// <summary>Whether the file begins with a byte-order mark: its encoding, and <paramref name="bytes"/> cut to what it decodes.</summary>
    private static bool ByteOrderMarked(ref ReadOnlySpan<byte> bytes, out Encoding encoding, out string name)
    {
        foreach (var (bom, bomEncoding, bomName) in ByteOrderMarks)
        {
            if (bytes.StartsWith(bom))
            {
                var body = bytes[bom.Length..];
                bytes = bomEncoding is UTF8Encoding ? body.TrimEnd(EndingWhiteSpace) : body;
                (encoding, name) = (bomEncoding, bomName);
                return true;
            }
        }

        (encoding, name) = (Encoding.UTF8, TextEncodingNames.Utf8);
        return false;
    }
}
