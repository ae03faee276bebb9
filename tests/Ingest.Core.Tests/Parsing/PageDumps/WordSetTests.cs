using Ingest.Core.Parsing.PageDumps;

namespace Ingest.Core.Tests.Parsing.PageDumps;

public sealed class WordSetTests
{
    [Fact]
    public void AddContainsAndClear_AnyWords_AnswerAsAHashSetDoes()
    {
        // Words from a small range (many repeats) and from all of int (0 and negative ones too); sets cleared between
        // rounds and grown past their first room.
        var random = new Random(13);
        var words = new WordSet(4);
        for (var round = 0; round < 300; round++)
        {
            words.Clear();
            var expected = new HashSet<int>();
            var added = new List<int>();
            for (var i = random.Next(0, 200); i > 0; i--)
            {
                var word = round % 2 == 0 ? random.Next(-50, 50) : random.Next(int.MinValue, int.MaxValue);
                var isNew = expected.Add(word);
                Assert.Equal(isNew, words.Add(word));
                if (isNew)
                {
                    added.Add(word);
                }
            }

            Assert.Equal(expected.Count, words.Count);
            Assert.Equal(added, words.Words.ToArray());
            for (var probe = -60; probe < 60; probe++)
            {
                Assert.Equal(expected.Contains(probe), words.Contains(probe));
            }

            Assert.All(added, word => Assert.True(words.Contains(word)));
        }
    }

    [Fact]
    public void CountIn_AnotherSet_CountsTheWordsBothHold()
    {
        var words = new WordSet();
        var other = new WordSet();
        foreach (var word in new[] { 1, 2, 3, 4, 2 })
        {
            words.Add(word);
        }

        foreach (var word in new[] { 3, 4, 5, 6 })
        {
            other.Add(word);
        }

        Assert.Equal(2, words.CountIn(other));
        Assert.Equal(2, other.CountIn(words));
    }

    [Fact]
    public void Clear_AfterWords_LeavesNoneOfThem()
    {
        var words = new WordSet();
        words.Add(7);
        words.Add(-3);

        words.Clear();

        Assert.Equal(0, words.Count);
        Assert.False(words.Contains(7));
        Assert.False(words.Contains(-3));
        Assert.True(words.Add(7));
    }
}
