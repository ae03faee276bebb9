using Ingest.Core.Parsing.PageDumps;

namespace Ingest.Core.Tests.Parsing.PageDumps;

public sealed class ProseMeasureTests
{
    [Fact]
    public void Of_EnglishSentence_CountsWordsFunctionWordsAndMarks()
    {
        var measure = ProseMeasure.Of("The bridge, which opened in 1910, will close.", "en");

        Assert.Equal(8, measure.Words);
        Assert.Equal(4, measure.FunctionWordCount); // the, which, in, will
        Assert.Equal(2, measure.Commas);
        Assert.Equal(1, measure.SentenceMarks);
        Assert.True(measure.EndsLikeSentence);
    }

    [Fact]
    public void Of_Ideographs_WeighThreeLettersEachAndCountAWordPerPair()
    {
        var measure = ProseMeasure.Of("肉をくわえたイヌ", null);

        Assert.Equal(8, measure.Ideographs);
        Assert.Equal(24, measure.Mass);
        Assert.Equal(4, measure.Words);
    }

    [Theory]
    [InlineData("He said: “It is over.”", true)]
    [InlineData("Read more", false)]
    [InlineData("Was it worth it?", true)]
    public void Of_Ending_IsTheSentencesEvenBehindQuotes(string text, bool endsLikeSentence)
    {
        Assert.Equal(endsLikeSentence, ProseMeasure.Of(text, "en").EndsLikeSentence);
    }

    [Fact]
    public void Of_WithSubjectWords_AddsEachWordOfThreeLettersOrMoreButFunctionWordsAndEveryPairOfIdeographs()
    {
        var subjectWords = new WordSet();

        var measure = ProseMeasure.Of("The BRIDGE opened in 1910, by bridge 肉をく.", "en", subjectWords);

        // "The" and "in" are function words, "by" is too short; "bridge" once, case aside; 肉を, をく.
        int[] expected = [.. new[] { "bridge", "opened", "1910", "肉を", "をく" }.Select(w => SubjectWords.CaselessHash(w))];
        Assert.Equal(expected, subjectWords.Words.ToArray());
        Assert.Equal(ProseMeasure.Of("The BRIDGE opened in 1910, by bridge 肉をく.", "en"), measure);
    }

    [Fact]
    public void Of_WithSubjectWordsAndNoLanguage_KeepsFunctionWordsOfAnyLanguage()
    {
        var subjectWords = new WordSet();

        ProseMeasure.Of("the and for", null, subjectWords);

        Assert.Equal([SubjectWords.CaselessHash("THE"), SubjectWords.CaselessHash("AND"), SubjectWords.CaselessHash("FOR")], subjectWords.Words.ToArray());
    }

    [Fact]
    public void Sum_Parts_AddUpAndEndAsTheLastOne()
    {
        var parts = new[] { ProseMeasure.Of("One line here.", "en"), ProseMeasure.Of("Another line", "en") };

        var sum = ProseMeasure.Sum(parts);

        Assert.Equal(parts[0].Letters + parts[1].Letters, sum.Letters);
        Assert.Equal(parts[0].Words + parts[1].Words, sum.Words);
        Assert.False(sum.EndsLikeSentence);
    }
}
