using CsCheck;
using Ingest.Core.Languages;

namespace Ingest.Core.Tests.Languages;

public sealed class FunctionWordsTests
{
    [Fact]
    public void LanguagesOf_EveryFunctionWordInAnyCase_IsItsLanguages()
    {
        var words = FunctionWords.AllWords.ToList();

        Assert.NotEmpty(words);
        foreach (var word in words.SelectMany(w => new[] { w, w.ToUpperInvariant(), char.ToUpperInvariant(w[0]) + w[1..] }))
        {
            Assert.NotEqual(0, FunctionWords.LanguagesOf(word));
            Assert.Equal(FunctionWords.LanguagesOfCaseBlind(word), FunctionWords.LanguagesOf(word));
        }
    }

    [Fact]
    public void LanguagesOf_AnyWord_IsWhatACaseBlindLookupOfItSays()
    {
        // Letters that make up function words of every language, in both cases, the dotless i and the long s (whose upper
        // cases are ASCII), digits and punctuation: ASCII words take the fast lookup, the others the case-blind one.
        const string letters = "aeiostnlrdhcumpgfbvwyzkjqAEIOSTNLRDH\u00E9\u00E8\u00E0\u00FC\u00F6\u00E7\u015F\u0103\u00EE\u00E2\u00E3\u0105\u0119\u0142\u017C\u00F3\u00E1\u00ED\u0159\u0219\u021B\u0131\u017F'-1";
        Gen.String[Gen.Char[letters], 1, 9].Sample(
            word => Assert.Equal(FunctionWords.LanguagesOfCaseBlind(word), FunctionWords.LanguagesOf(word)),
            iter: 200_000);
    }
}
