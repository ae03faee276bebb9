using CsCheck;
using Ingest.Core.Normalisation;

namespace Ingest.Core.Tests.Normalisation;

public sealed class TextNormaliserTests
{
    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc")]
    [InlineData("a\u00A0b\u2003c\u202Fd\u3000e", "a b c d e")]
    [InlineData("zero\u200Bwidth\u200D\uFEFFjoin\u00ADer", "zerowidthjoiner")]
    [InlineData("bell\u0007 and\u0000 nul\u001B", "bell and nul")]
    [InlineData("keeps\ttabs", "keeps\ttabs")]
    [InlineData("trailing   \nspaces\t\n", "trailing\nspaces")]
    [InlineData("\n\n\nfirst\n\n\n\n\nsecond\n\n\n", "first\n\nsecond")]
    [InlineData("one\n   \n\t\ntwo", "one\n\ntwo")]
    [InlineData("  indented\nkept", "  indented\nkept")]
    [InlineData("line\u2028sep\u2029para", "line\nsep\n\npara")]
    public void Normalise_Input_GivesExpected(string input, string expected)
    {
        Assert.Equal(expected, TextNormaliser.Normalise(input));
    }

    [Fact]
    public void Normalise_DecomposedAccents_ComposesToNfc()
    {
        Assert.Equal("Caf\u00E9", TextNormaliser.Normalise("Cafe\u0301"));
    }

    [Fact]
    public void Normalise_ZeroWidthBetweenLetterAndMark_ComposesOnceRemoved()
    {
        Assert.Equal("\u00E9", TextNormaliser.Normalise("e\u200B\u0301"));
    }

    [Fact]
    public void Normalise_LoneSurrogate_BecomesReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", TextNormaliser.Normalise("a\uD800b"));
    }

    [Fact]
    public void Normalise_AnyString_IsIdempotent()
    {
        Gen.String[Gen.OneOf(Gen.Char, Gen.Char['\0', '\u0040'], Gen.Char["\r\n\u00A0\u200B\u0301\uD800\uDC00 \t\u2029"])]
            .Sample(text =>
            {
                var once = TextNormaliser.Normalise(text);
                Assert.Equal(once, TextNormaliser.Normalise(once));
            }, iter: 5_000);
    }
}
