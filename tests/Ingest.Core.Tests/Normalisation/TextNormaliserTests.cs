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

    [Theory]
    [InlineData("\r\n")]
    [InlineData("   \r\n")]
    [InlineData("\u00A0 \n\n\n\n")]
    public void Normalise_LargeTextWithSomethingOnEveryLine_CopiesTheTextOnce(string lineEnd)
    {
        // A saved web page is a few hundred kilobytes, and every copy of it is a large-object allocation that brings a
        // full collection nearer: Windows line ends, trailing spaces and blank-line runs are all fixed in one copy.
        var text = string.Concat(Enumerable.Repeat("<p class=\"story\">A line of a saved page, with its markup.</p>" + lineEnd, 5_000));
        TextNormaliser.Normalise(text);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var normalised = TextNormaliser.Normalise(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.DoesNotContain("\r", normalised, StringComparison.Ordinal);
        Assert.True(allocated < 1.5 * text.Length * sizeof(char), $"Normalising allocated {allocated:N0} bytes for {text.Length:N0} characters.");
    }

    [Fact]
    public void Normalise_LargeTextAlreadyNormal_IsReturnedWithoutACopy()
    {
        var text = string.Join("\n", Enumerable.Repeat("A line of a page dump, already in shape.", 10_000));
        TextNormaliser.Normalise(text);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var normalised = TextNormaliser.Normalise(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Same(text, normalised);
        Assert.True(allocated < 1_000, $"Normalising allocated {allocated:N0} bytes.");
    }

    [Theory]
    [InlineData("Plain Latin, caf\u00E9, \u201Cquoted\u201D \u2014 \u20AC5 \u2122", true)]
    [InlineData("\u041F\u0440\u0438\u0432\u0435\u0442 \u0645\u0631\u062D\u0628\u0627 \u4E2D\u6587 \uD55C\uAD6D\uC5B4 \u2190\u2260\u25BC", true)]
    [InlineData("cafe\u0301", false)]
    [InlineData("\u1100\u1161", false)]
    [InlineData("\uAC00\u11A8", false)]
    [InlineData("\u0B47\u0B3E", false)]
    [InlineData("\u0DD9\u0DCF", false)]
    [InlineData("\u304B\u3099", false)]
    [InlineData("\u212B", false)]
    [InlineData("\uF900", false)]
    [InlineData("\u0958", false)]
    [InlineData("\u1025\u102E", false)]
    [InlineData("a\u0316", true)]
    [InlineData("a\u0301\u0316", false)]
    public void IsNfc_Text_AgreesWithIcu(string text, bool nfc)
    {
        Assert.Equal(nfc, text.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(nfc, TextNormaliser.IsNfc(text));
    }

    [Fact]
    public void IsNfc_AnyString_AgreesWithIcu()
    {
        // Latin, punctuation and symbols, Cyrillic and Arabic with their marks, Indic vowel signs that compose, Hangul syllables and
        // jamo, CJK and its compatibility ideographs (which decompose), singletons (U+2000, U+212B), the unassigned, and pairs of
        // surrogates (an emoji; a musical note that decomposes). Normalise has replaced lone surrogates before it asks.
        var character = Gen.OneOf(Gen.Char['\0', '\u02FF'], Gen.Char['\u2000', '\u2BFF'], Gen.Char['\u0300', '\u0DFF'], Gen.Char['\u1100', '\u11FF'],
            Gen.Char['\uAC00', '\uAC40'], Gen.Char['\u4E00', '\u4E40'], Gen.Char['\uF900', '\uFAFF'], Gen.Char["\u0B47\u0B3E\u0DD9\u0DCF\u3099\u304B\u212B\u0345\u0378e\u00E9"]);
        var pieces = Gen.OneOf(character.Select(c => c.ToString()), Gen.Const("\uD83D\uDE00"), Gen.Const("\uD834\uDD5E\uD834\uDD65"));
        pieces.Array.Select(string.Concat)
            .Sample(text => Assert.Equal(text.IsNormalized(System.Text.NormalizationForm.FormC), TextNormaliser.IsNfc(text)), iter: 50_000);
    }

    [Fact]
    public void AlwaysNfc_EveryCharacterItAnswersFor_IsNfcAloneAndBesideLettersAndMarks()
    {
        var answered = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(TextNormaliser.AlwaysNfc).ToList();

        Assert.All(answered, c => Assert.True(c.ToString().IsNormalized(System.Text.NormalizationForm.FormC), $"U+{(int)c:X4}"));
        Assert.All(answered, c => Assert.True(("e" + c + "\u00E9" + c).IsNormalized(System.Text.NormalizationForm.FormC), $"U+{(int)c:X4}"));
        // Combining class 0 (or 1, which no such character has): a mark of class 1 after it is in canonical order.
        Assert.All(answered, c => Assert.True((c + "\u0334").IsNormalized(System.Text.NormalizationForm.FormC), $"U+{(int)c:X4}"));
    }

    [Fact]
    public void Normalise_LinesOfLettersAndWhiteSpace_AreTrimmedAndCollapsedAsLineByLine()
    {
        // Only the lines that need mending are looked at; this holds it to the plain definition, line by line, both when the
        // text is mended from the string itself and when characters were replaced first (a CR, a no-break space) and the
        // lines are mended within the working copy.
        Gen.String[Gen.Char["ab \t\n\n\n\r\u00A0"]].Sample(text =>
        {
            var replaced = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ');
            Assert.Equal(LineByLine(replaced), TextNormaliser.Normalise(text));
        }, iter: 100_000);
    }

    /// <summary>Trailing white space off every line, blank lines at the ends out, runs of blank lines down to one: the definition.</summary>
    private static string LineByLine(string text)
    {
        var lines = new List<string>();
        var blankBefore = false;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd(' ', '\t')))
        {
            if (line.Length == 0)
            {
                blankBefore = lines.Count > 0;
                continue;
            }

            lines.Add(blankBefore ? "\n" + line : line);
            blankBefore = false;
        }

        return string.Join("\n", lines);
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
