using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Tests.Parsing.PlainText;

public sealed class PlainTextArticleReaderTests
{
    private static ArticleDraft Read(string text) => Assert.Single(new PlainTextArticleReader().Read(TextNormaliser.Normalise(text)).Drafts);

    [Fact]
    public void Read_LineBetweenTitleAndByline_IsTheSubtitle()
    {
        var draft = Read("""
            Harbour Cup Returns to Kestrel Bay

            A twenty-year wait ends in a gusty final

            By Tomasz Wren

            The club won on Saturday.
            """);

        Assert.Equal("Harbour Cup Returns to Kestrel Bay", draft.Title);
        Assert.Equal("A twenty-year wait ends in a gusty final", draft.Subtitle);
        Assert.Equal(["The club won on Saturday."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_FirstLineIsASentence_HasNoTitleAndKeepsItAsText()
    {
        var draft = Read("This opens with a sentence.\n\nAnd goes on.");

        Assert.Null(draft.Title);
        Assert.Equal(["This opens with a sentence.", "And goes on."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_LongHardWrappedParagraph_IsJoinedInMemoryLinearInItsLength()
    {
        // 4,000 wrapped lines of one paragraph (about 290 KB): joining them one line at a time onto the text so far copied the
        // paragraph once per line, gigabytes for a file this size; the joined text is built once.
        var lines = Enumerable.Range(0, 4_000).Select(i => $"and the story went on, line {i:D4} of a paragraph wrapped by hand at seventy");
        var text = "A Long Story\n\nBy Ann Lee\n\nThe story began here,\n" + string.Join("\n", lines);
        var normalised = TextNormaliser.Normalise(text);
        var reader = new PlainTextArticleReader();

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var draft = Assert.Single(reader.Read(normalised).Drafts);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var paragraph = Assert.Single(draft.Sections.Single().Paragraphs);
        Assert.StartsWith("The story began here, and the story went on, line 0000 ", paragraph, StringComparison.Ordinal);
        Assert.EndsWith("line 3999 of a paragraph wrapped by hand at seventy", paragraph, StringComparison.Ordinal);
        Assert.True(allocated < 64L * normalised.Length * sizeof(char), $"Reading allocated {allocated:N0} bytes for {normalised.Length:N0} characters.");
    }

    [Fact]
    public void Read_StoryOfManyShortParagraphs_AllocatesAFewTimesItsText()
    {
        // A large file is held in memory while it is read (Ingest:MaxFileBytesInMemory), so what reading it allocates on top
        // is the host's peak: lines are split once and kept, not copied word by word or once more per judge.
        var paragraphs = Enumerable.Range(0, 20_000).Select(i => $"Paragraph {i} of a long story, with enough words in it to read as prose, and a comma.");
        var normalised = TextNormaliser.Normalise("A Very Long Story\n\nBy Ann Lee\n\n" + string.Join("\n\n", paragraphs));
        var reader = new PlainTextArticleReader();

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var draft = Assert.Single(reader.Read(normalised).Drafts);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(20_000, draft.Sections.Sum(s => s.Paragraphs.Count));
        // Under 4 times: optimised code allocates 3.58 times the text, code the JIT has not optimised yet (this test run alone
        // or first) 3.68 times, as it puts on the heap a few objects optimised code keeps on the stack. One more copy of the
        // text, or a copy per word, goes past it either way.
        Assert.True(allocated < 4L * normalised.Length * sizeof(char), $"Reading allocated {allocated:N0} bytes for {normalised.Length:N0} characters.");
    }

    [Fact]
    public void Read_HardWrappedParagraph_IsJoinedIntoOne()
    {
        var draft = Read("Title Line\n\nThe council met on Monday and\nvoted to approve the plan, which\nwill cost £4.2m.\n\nNext paragraph.");

        Assert.Equal(
            ["The council met on Monday and voted to approve the plan, which will cost £4.2m.", "Next paragraph."],
            draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_ShortLinesBeforeParagraphs_AreHeadingsIncludingQuestionsAndCapitals()
    {
        var draft = Read("""
            Title Line

            Lead paragraph.

            What Happens Next?

            First paragraph.

            THE VERDICT

            Second paragraph.
            """);

        Assert.Equal([null, "What Happens Next?", "THE VERDICT"], draft.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Read_ShortLineAtTheEnd_IsAParagraphNotAHeading()
    {
        var draft = Read("Title Line\n\nLead paragraph.\n\nThe End");

        Assert.Equal(["Lead paragraph.", "The End"], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_ShortLineEndingInFullStop_IsAParagraph()
    {
        var draft = Read("Title Line\n\nLead paragraph.\n\nShe said no.\n\nThen she left.");

        Assert.Single(draft.Sections);
    }

    [Fact]
    public void Read_HeadingOverHeading_BothOpenSections()
    {
        var draft = Read("Title Line\n\nLead.\n\nPart One\n\nThe Start\n\nText.");

        Assert.Equal([null, "Part One", "The Start"], draft.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Read_BulletsInsideTheBody_AreParagraphsNotSummary()
    {
        var draft = Read("Title Line\n\n• Key point\n\nLead paragraph.\n\n• A list item\n• Another item\n\nClosing paragraph.");

        Assert.Equal(["Key point"], draft.Summary);
        Assert.Equal(["Lead paragraph.", "A list item", "Another item", "Closing paragraph."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_ArticleOpeningWithAHeading_HasNoEmptyLead()
    {
        var draft = Read("Title Line\n\nBy Jane Doe\n\nFirst Heading\n\nText under it.");

        var section = Assert.Single(draft.Sections);
        Assert.Equal("First Heading", section.Heading);
    }

    [Fact]
    public void Read_RepeatedTitle_IsDroppedWhateverItsCase()
    {
        var draft = Read("Big News Today\n\nBIG NEWS TODAY\n\nThe story.");

        Assert.Equal("Big News Today", draft.Title);
        Assert.Equal(["The story."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_SecondBylineInTheBody_IsKeptOutOfTheText()
    {
        var draft = Read("Title Line\n\nBy Ann Lee\n\nLead paragraph.\n\nBy Jane Doe\n\nMore text.");

        Assert.Equal(["Ann Lee"], draft.Authors);
        Assert.Equal(["Lead paragraph.", "More text."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_FiveMegabyteLine_IsOneParagraph()
    {
        var draft = Read("Title Line\n\n" + string.Concat(Enumerable.Repeat("word ", 1_000_000)));

        Assert.Equal("Title Line", draft.Title);
        Assert.Equal(1_000_000, draft.Sections.Single().Paragraphs.Single().Split(' ').Length);
    }

    [Fact]
    public void Read_FiveMegabyteFirstLine_IsNotTakenForATitle()
    {
        var draft = Read(string.Concat(Enumerable.Repeat("word ", 1_000_000)));

        Assert.Null(draft.Title);
    }

    [Fact]
    public void Read_Empty_GivesAnEmptyDraft()
    {
        var draft = Read("");

        Assert.Null(draft.Title);
        Assert.Empty(draft.Sections);
    }
}
