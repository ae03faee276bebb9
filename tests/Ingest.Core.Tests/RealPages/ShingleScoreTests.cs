using Ingest.Eval.RealPages;

namespace Ingest.Core.Tests.RealPages;

/// <summary>The body metric against cases worked out by hand, the way real-pages/score.py computes them.</summary>
public sealed class ShingleScoreTests
{
    [Fact]
    public void Of_SameText_IsPerfect()
    {
        var score = ShingleScore.Of("one two three four five", "one two three four five");

        Assert.Equal((1.0, 0.0, 0.0), (score.TruePositive, score.FalsePositive, score.FalseNegative));
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void Of_OneExtraWord_CountsOneFalseShingle()
    {
        // Expected shingles: (a b c d), (b c d e). Predicted: (a b c d), (b c d e), (c d e f): tp 2, fp 1, fn 0, over 3.
        var score = ShingleScore.Of("a b c d e", "a b c d e f");

        Assert.Equal(2.0 / 3, score.TruePositive, 9);
        Assert.Equal(1.0 / 3, score.FalsePositive, 9);
        Assert.Equal(0.0, score.FalseNegative);
        Assert.Equal(2.0 / 3, score.Precision, 9);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(0.8, score.F1, 9);
    }

    [Fact]
    public void Of_RepeatedShingles_AreCountedAsAMultiset()
    {
        // Expected: (x y z w) once. Predicted "x y z w x y z w" has five: (x y z w) twice, (y z w x), (z w x y), (w x y z):
        // tp 1, fp 4, over 5.
        var score = ShingleScore.Of("x y z w", "x y z w x y z w");

        Assert.Equal(0.2, score.TruePositive, 9);
        Assert.Equal(0.8, score.FalsePositive, 9);
    }

    [Fact]
    public void Of_FewerThanFourTokens_IsOneShorterShingle()
    {
        Assert.Equal(1.0, ShingleScore.Of("Test", "Test").F1);
        Assert.Equal(0.0, ShingleScore.Of("Test Case 1 Test Case 2", "Test Case 2").F1);
    }

    [Fact]
    public void Tokens_PunctuationAndCombiningMarks_SplitWordsAsPythonDoes()
    {
        Assert.Equal(["it", "s", "U", "S", "2016", "naïve"], ShingleScore.Tokens("it's U.S. 2016 — naïve!"));
        // U+0301 (a combining acute accent) is not a word character for Python's \w: it splits the word.
        Assert.Equal(["cafe", "x"], ShingleScore.Tokens("cafe\u0301x"));
        Assert.Equal(["今日は晴れ"], ShingleScore.Tokens("今日は晴れ。"));
    }

    [Fact]
    public void Aggregate_EmptyPrediction_CountsForRecallNotPrecision()
    {
        var perfect = ShingleScore.Of("a b c d e", "a b c d e");
        var empty = ShingleScore.Of("a b c d e", "");

        var (f1, precision, recall) = ShingleScore.Aggregate([perfect, empty]);

        Assert.Equal(1.0, precision);
        Assert.Equal(0.5, recall);
        Assert.Equal(2 * 0.5 / 1.5, f1, 9);
    }
}
