using System.Text;
using Ingest.Core.Decoding;

namespace Ingest.Core.Tests.Decoding;

public sealed class TextDecoderTests
{
    private const string Sample = "Café – “quoted” £4.2m";

    [Fact]
    public void Decode_Utf8WithoutBom_IsUtf8()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample));

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingNames.Utf8, decoded.EncodingName);
    }

    [Fact]
    public void Decode_Utf8WithBom_DropsTheBom()
    {
        var decoded = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)]);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingNames.Utf8WithBom, decoded.EncodingName);
    }

    [Fact]
    public void Decode_Utf16LittleEndianWithBom_IsUtf16Le()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)]);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingNames.Utf16LittleEndian, decoded.EncodingName);
    }

    [Fact]
    public void Decode_Utf16BigEndianWithBom_IsUtf16Be()
    {
        var decoded = TextDecoder.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)]);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingNames.Utf16BigEndian, decoded.EncodingName);
    }

    [Fact]
    public void Decode_Utf32LittleEndianWithBom_IsNotMistakenForUtf16()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, 0x00, 0x00, .. Encoding.UTF32.GetBytes(Sample)]);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingNames.Utf32LittleEndian, decoded.EncodingName);
    }

    [Fact]
    public void Decode_Windows1252Bytes_FallBackToWindows1252()
    {
        // "Café – “quoted” £4.2m" as Windows-1252: é=E9, en dash=96, curly quotes=93/94, pound=A3.
        byte[] bytes = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20, 0xA3, 0x34, 0x2E, 0x32, 0x6D];

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal(TextEncodingNames.Windows1252, decoded.EncodingName);
    }

    [Fact]
    public void Decode_TruncatedUtf16_ReplacesTheLoneByteInsteadOfThrowing()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, 0x41, 0x00, 0x42]);

        Assert.Equal("A\uFFFD", decoded.Text);
    }

    [Theory]
    [InlineData("Café.\n", "Café.")]
    [InlineData("Café.\r\n\r\n \t\n", "Café.")]
    [InlineData("Café.\u00A0\n", "Café.\u00A0")] // a no-break space is decoded (normalising makes it a space and cuts it)
    [InlineData("\n\n", "")]
    public void Decode_Utf8EndingInWhiteSpace_LeavesTheLastLineEndsUndecoded(string text, string expected)
    {
        // Normalising cuts them anyway; decoding them would only make the normaliser copy the whole text to cut them.
        Assert.Equal(expected, TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Text);
        Assert.Equal(expected, TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]).Text);
    }

    [Fact]
    public void Decode_Utf16EndingInALineEnd_KeepsIt()
    {
        Assert.Equal("Café.\n", TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Café.\n")]).Text);
    }

    [Fact]
    public void Decode_Empty_IsEmptyUtf8()
    {
        var decoded = TextDecoder.Decode([]);

        Assert.Equal("", decoded.Text);
        Assert.Equal(TextEncodingNames.Utf8, decoded.EncodingName);
    }

    public static TheoryData<byte[]> EveryKindOfFile()
    {
        var files = new TheoryData<byte[]>();
        files.Add(Encoding.UTF8.GetBytes(Sample + "\r\n"));
        files.Add([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample + " \n")]);
        files.Add([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample + "\n")]);
        files.Add([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)]);
        files.Add([0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Sample + "\U0001F600")]);
        files.Add([0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(Sample)]);
        files.Add([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x0A]);
        files.Add([0xFF, 0xFE, 0x41]);
        files.Add([.. Encoding.UTF8.GetBytes(Sample), 0xED, 0xA0, 0x80, 0x41]); // a surrogate encoded as UTF-8 is not UTF-8
        files.Add([.. Encoding.UTF8.GetBytes(Sample), 0xC0, 0xAF]); // nor is an overlong form
        files.Add([]);
        return files;
    }

    [Theory]
    [MemberData(nameof(EveryKindOfFile))]
    public void Decode_IntoABuffer_GivesWhatTheStringDecodeGives(byte[] bytes)
    {
        var chars = new char[TextDecoder.MaxChars(bytes.Length)];

        var (length, encodingName) = TextDecoder.Decode(bytes, chars);

        var decoded = TextDecoder.Decode(bytes);
        Assert.Equal(decoded.Text, new string(chars, 0, length));
        Assert.Equal(decoded.EncodingName, encodingName);
    }
}
