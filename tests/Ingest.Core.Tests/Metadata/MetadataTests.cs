using Ingest.Core.Languages;
using Ingest.Core.Metadata;

namespace Ingest.Core.Tests.Metadata;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two   words ", 2)]
    [InlineData("Tehran (Brussels) 20 January 2026 – An official", 7)]
    [InlineData("£4.2m plan — step-free", 3)]
    [InlineData("- – — ...", 0)]
    public void Count_Text_CountsWordsWithALetterOrDigit(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.Count(text));
    }

    [Fact]
    public void Count_WithATally_CountsAsCountAndTalliesAsAddDo()
    {
        // Random texts of words, function words, punctuation and white space of every kind (a no-break space and a tab
        // separate words for the count but not for the tally).
        string[] pieces = ["the", "The", "and", "(in", "it,", "\"who\"", "...", "—", "bridge", "le", "de:", "x", " ", "  ", "\t", "\u00A0", "\n", "£4.2m", "-"];
        var random = new Random(3);
        for (var round = 0; round < 2_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = new FunctionWordTally();
            expected.Add(text);
            var tally = new FunctionWordTally();

            Assert.Equal(WordCounter.Count(text), WordCounter.Count(text, tally));
            Assert.Equal(expected.Words, tally.Words);
            Assert.Equal(FunctionWords.Languages.Select(expected.Hits), FunctionWords.Languages.Select(tally.Hits));
        }
    }
}

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(929, 5)]
    public void Minutes_WordCount_RoundsUpAtLeastOne(int words, int minutes)
    {
        Assert.Equal(minutes, ReadingTime.Minutes(words));
    }
}

public sealed class LanguageDetectorTests
{
    [Fact]
    public void Detect_EnglishProse_IsEn()
    {
        Assert.Equal("en", LanguageDetector.Detect(["The council said on Monday that the bridge would close in June, and that a ferry would run while the new crossing is built by the contractor."]));
    }

    [Fact]
    public void Detect_TerseEnglishWireCopy_IsEn()
    {
        Assert.Equal("en", LanguageDetector.Detect(["Ministry imposed communication blackouts on senior staff. Loyalty oaths administered province-wide. Digital surveillance expanded to family networks. Checkpoints encircle the ministries."]));
    }

    [Theory]
    [InlineData("Le conseil municipal a approuvé lundi le projet de remplacement du pont, qui sera fermé en juin pour une durée de quatorze semaines et remplacé par un bac.")]
    [InlineData("Der Gemeinderat hat am Montag den Plan für den Ersatz der Brücke genehmigt, die im Juni für vierzehn Wochen geschlossen wird und durch eine Fähre ersetzt wird.")]
    [InlineData("El ayuntamiento aprobó el lunes el plan para sustituir el puente, que se cerrará en junio durante catorce semanas y será reemplazado por un transbordador.")]
    public void Detect_OtherLanguages_IsNull(string text)
    {
        Assert.Null(LanguageDetector.Detect([text]));
    }

    [Fact]
    public void Detect_TooFewWords_IsNull()
    {
        Assert.Null(LanguageDetector.Detect(["The bridge is closed."]));
    }
}

public sealed class ContentHashTests
{
    [Fact]
    public void Of_KnownText_IsItsXxh128()
    {
        // The reference vectors of XXH3's 128-bit hash (seed 0), in its canonical big-endian form.
        Assert.Equal("06b05ab6733a618578af5f94892f3950", ContentHash.Of("abc"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16 * 1024 - 1)] // an emoji's two halves on either side of the first slice's end
    [InlineData(16 * 1024)]
    [InlineData(40_000)]
    public void Of_LongTextWithAPairOfSurrogatesAnywhere_IsTheXxh128OfItsWholeUtf8(int emojiAt)
    {
        var text = new string('é', emojiAt) + "\U0001F600" + new string('a', 50_000 - emojiAt);

        var expected = Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, ContentHash.Of(text));
    }

    [Fact]
    public void Of_EmptyText_IsTheXxh128OfNothing()
    {
        Assert.Equal("99aa06d3014798d86001c324468d497f", ContentHash.Of(""));
    }
}
