using Ingest.Core.Languages;

namespace Ingest.Core.Tests.Languages;

public sealed class FunctionWordTallyTests
{
    [Theory]
    [InlineData("The council said on Monday that the bridge would close in June and that a ferry would run.", "en")]
    [InlineData("Le conseil a annoncé lundi que le pont serait fermé en juin et qu'un bac le remplacerait.", "fr")]
    [InlineData("Der Rat sagte am Montag, dass die Brücke im Juni geschlossen wird und eine Fähre fährt.", "de")]
    [InlineData("El consejo dijo el lunes que el puente se cerrará en junio y que un ferry lo sustituirá.", "es")]
    public void Dominant_Prose_IsItsLanguage(string text, string language)
    {
        var tally = new FunctionWordTally();
        tally.Add(text);

        Assert.Equal(language, tally.Dominant(0.08));
    }

    [Fact]
    public void Dominant_ScriptWithoutSpaces_IsNull()
    {
        var tally = new FunctionWordTally();
        tally.Add("トレンドマイクロは3月9日、セキュリティアプリの発売を開始すると発表した。");

        Assert.Null(tally.Dominant(0.08));
    }

    [Fact]
    public void Dominant_Menu_IsNull()
    {
        var tally = new FunctionWordTally();
        tally.Add("Home News Sport Business Culture Weather Subscribe");

        Assert.Null(tally.Dominant(0.08));
    }

    [Fact]
    public void Hits_WordsInAnyCase_AreCounted()
    {
        var tally = new FunctionWordTally();
        tally.Add("THE cat AND The dog");

        Assert.Equal(5, tally.Words);
        Assert.Equal(3, tally.Hits("en"));
    }

    [Fact]
    public void Add_AnyText_CountsAsSplittingAtSpacesAndTrimmingPunctuationDoes()
    {
        // The definition: what stands between spaces is a word, its punctuation trimmed; a word of punctuation only counts
        // but is no function word. Random texts of function words, other words, punctuation and runs of spaces.
        string[] pieces = ["the", "The", "AND", "le", "der", "und", "(in", "it,", "\"who\"", "...", "—", "bridge", "Brücke", "il?", ";", "", "x", "a"];
        var random = new Random(5);
        for (var round = 0; round < 2_000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)] + new string(' ', random.Next(0, 3))));
            var tally = new FunctionWordTally();
            var expectedWords = 0;
            var expectedHits = new int[FunctionWords.Languages.Count];
            foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                expectedWords++;
                var languages = FunctionWords.LanguagesOf(token.Trim(",.;:!?\"()"));
                for (var i = 0; i < expectedHits.Length; i++)
                {
                    expectedHits[i] += (languages >> i) & 1;
                }
            }

            tally.Add(text);

            Assert.Equal(expectedWords, tally.Words);
            Assert.Equal(expectedHits, FunctionWords.Languages.Select(tally.Hits));
        }
    }
}
