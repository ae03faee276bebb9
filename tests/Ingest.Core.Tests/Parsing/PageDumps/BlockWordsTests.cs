using Ingest.Core.Languages;
using Ingest.Core.Parsing.PageDumps;

namespace Ingest.Core.Tests.Parsing.PageDumps;

public sealed class BlockWordsTests
{
    // Function words of several languages, other words, words joined by punctuation, quotes, ideographs, runs of spaces.
    private static readonly string[] Pieces =
    [
        "the", "The", "AND", "le", "der", "und", "(in", "it,", "\"who\"", "“the", "U.S.", "don't", "e-mail", "...", "—", "bridge",
        "Brücke", "il?", ";", "", "x", "a", "1910,", "肉を", "くわえた", "de:", "(y)",
    ];

    [Fact]
    public void Read_AnyBlocks_TalliesAsAddingEachBlockDoes()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var blocks = RandomBlocks(random);
            var expected = new FunctionWordTally();
            foreach (var block in blocks)
            {
                expected.Add(block.Text);
            }

            var words = BlockWords.Read(blocks, _ => null);

            Assert.Equal(expected.Words, words.Tally.Words);
            Assert.Equal(FunctionWords.Languages.Select(expected.Hits), FunctionWords.Languages.Select(words.Tally.Hits));
        }
    }

    [Fact]
    public void Read_AnyBlocks_MeasuresAndFindsSubjectWordsAsEachBlockAloneInTheChosenLanguage()
    {
        var random = new Random(11);
        for (var round = 0; round < 500; round++)
        {
            var blocks = RandomBlocks(random);
            var language = FunctionWords.Languages[random.Next(FunctionWords.Languages.Count)];

            var words = BlockWords.Read(blocks, _ => language);

            Assert.Equal(language, words.Language);
            for (var i = 0; i < blocks.Count; i++)
            {
                var alone = new WordSet();
                var read = new WordSet();
                Assert.Equal(ProseMeasure.Of(blocks[i].Text, language, alone), words.Measures[i]);
                words.AddSubjectWords(read, i);
                Assert.Equal(alone.Words.ToArray(), read.Words.ToArray());
            }
        }
    }

    [Fact]
    public void Read_PageInALanguage_CountsItsFunctionWordsAndLeavesThemOutOfTheSubject()
    {
        DumpBlock[] blocks = [new(DumpBlockKind.Paragraph, "The bridge and the river."), new(DumpBlockKind.Paragraph, "Le pont et la rivière.")];

        var words = BlockWords.Read(blocks, tally => tally.Dominant(0.08));
        var subject = new WordSet();
        words.AddSubjectWords(subject, 0);

        Assert.Equal("en", words.Language);
        Assert.Equal(3, words.Measures[0].FunctionWordCount);
        Assert.Equal([SubjectWords.CaselessHash("bridge"), SubjectWords.CaselessHash("river")], subject.Words.ToArray());
        // "Le", "et" and "la" are French function words, not English ones: in an English page they are words like any other.
        Assert.Equal(0, words.Measures[1].FunctionWordCount);
    }

    private static List<DumpBlock> RandomBlocks(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => new DumpBlock(
            DumpBlockKind.Paragraph,
            string.Concat(Enumerable.Range(0, random.Next(0, 20)).Select(_ => Pieces[random.Next(Pieces.Length)] + new string(' ', random.Next(0, 3))))))];
}
