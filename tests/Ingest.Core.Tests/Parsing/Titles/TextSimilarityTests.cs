using Ingest.Core.Parsing.Titles;

namespace Ingest.Core.Tests.Parsing.Titles;

public sealed class TextSimilarityTests
{
    [Fact]
    public void Of_SecondTextsWordsAllInFirst_IsOne()
    {
        Assert.Equal(1.0, TextSimilarity.Of("New Zealand - Wikipedia", "New Zealand"));
    }

    [Fact]
    public void Of_NoWordShared_IsZero()
    {
        Assert.Equal(0.0, TextSimilarity.Of("New Zealand", "country in Oceania"));
    }

    [Fact]
    public void Of_SomeWordsShared_IsTheShareOfTheSecondTextsCharacters()
    {
        // "zealand" is known, "wikipedia" is not: 1 − len("wikipedia") / len("zealand wikipedia").
        Assert.Equal(1 - (9.0 / 17), TextSimilarity.Of("New Zealand", "Zealand Wikipedia"), 9);
    }

    [Fact]
    public void Of_EmptyText_IsZero()
    {
        Assert.Equal(0.0, TextSimilarity.Of("", "New Zealand"));
    }
}
