using Ingest.Core.Parsing.PageDumps;

namespace Ingest.Core.Tests.Parsing.PageDumps;

public sealed class DumpContentTests
{
    private static readonly string[] Story =
    [
        "The council in Harbour Town voted on Monday to build a new sea wall along the eastern promenade, after winter storms flooded homes.",
        "Councillors approved a budget of four million for the sea wall, which will begin in May and is expected to take two years.",
        "Engineers said the design of the sea wall had been tested against the worst storms of the past century in the harbour.",
        "Residents who lost their homes in the floods will sit on a committee that oversees the building of the sea wall.",
    ];

    private static DumpBlock Text(string text) => new(DumpBlockKind.Paragraph, text);

    private static DumpBlock Item(string text) => new(DumpBlockKind.ListItem, text, ListDepth: 1);

    private static List<DumpBlock> Menu() => [Item("Home"), Item("News"), Item("Sport"), Item("Business"), Item("Weather")];

    private static List<DumpBlock> Page(params IEnumerable<DumpBlock>[] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public void Find_ArticleBetweenMenusAndFooter_IsTheRunAndTheHeadlineAboveIt()
    {
        var blocks = Page(Menu(), [Text("Search"), Text("Harbour Town Approves A New Sea Wall"), Text("By Ann Lee")], Story.Select(Text), Menu(),
            [Text("All rights reserved."), Item("Privacy"), Item("Terms"), Item("Contact")]);

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.False(found.IsWholeArticle);
        Assert.Equal(8, found.Start);
        Assert.Equal(11, found.End);
        Assert.Equal(6, found.Headline);
    }

    [Fact]
    public void Find_CommentsAfterTheArticlesFurnitureAndBetweenRepeatedLines_AreLeftOut()
    {
        List<DumpBlock> comments = [];
        foreach (var (name, words) in new[] { ("Jane", "Great news for the town and about time too, my street flooded twice this year and nobody came."), ("Tom", "I hope the walkway is finished before the summer, the promenade is the best part of the town for families."), ("Sam", "Will the coast road be closed while they build it? Many of us drive that way to work every day of the week.") })
        {
            comments.AddRange([Text(name), Text("2 hours ago"), Text(words), Text("Reply"), Text("Report")]);
        }

        var share = new[] { Item("Share on Facebook"), Item("Share on X"), Item("Share by email") };
        var blocks = Page(Menu(), [Text("Harbour Town Approves A New Sea Wall")], Story.Select(Text), share, [Text("Advertisement"), Text("3 comments")], comments, Menu());

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.Equal(6, found.Start);
        Assert.Equal(9, found.End);
    }

    [Fact]
    public void Find_TeaserOfAnotherSubjectAfterTheArticle_IsLeftOut()
    {
        var blocks = Page(Menu(), [Text("Harbour Town Approves A New Sea Wall")], Story.Select(Text),
            [Text("Read next"), Text("A record number of runners finished the city marathon on Sunday, with the winner setting a course record in cold weather.")], Menu());

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.Equal(9, found.End);
    }

    [Fact]
    public void Find_HeadlineLinesInARow_AreFurnitureWhereLinksAreNotMarked()
    {
        var related = new[] { "Harbour Festival Returns This Summer With A New Stage", "Coast Road Reopens After Storm Damage Is Repaired", "Fishermen Call For Better Weather Warnings" };
        var blocks = Page(Menu(), [Text("Harbour Town Approves A New Sea Wall")], Story.Select(Text), [Text("Related")], related.Select(Text), Menu());

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.All(Enumerable.Range(11, 3), i => Assert.Equal(BlockVerdict.Furniture, found.Verdicts[i]));
        Assert.Equal(9, found.End);
    }

    [Fact]
    public void Find_TitleHint_PicksTheHeadlineItAgreesWith()
    {
        var blocks = Page(Menu(), [Text("Harbour Town Approves A New Sea Wall"), Text("Sea wall vote: what happens next")], Story.Select(Text), Menu());

        var found = DumpContent.Find(blocks, titleHint: "Harbour Town Approves A New Sea Wall | Harbour News");

        Assert.Equal(5, found.Headline);
    }

    [Fact]
    public void Find_TidyArticle_IsAWholeArticle()
    {
        var found = DumpContent.Find(Page([Text("Harbour Town Approves A New Sea Wall")], Story.Select(Text)), titleHint: null);

        Assert.True(found.IsWholeArticle);
    }

    [Fact]
    public void Find_HeadlineAboveItsStandfirst_IsTheHeadline()
    {
        var blocks = Page(Menu(), [Text("Harbour Town says yes to flood defences plan"), Text("Councillors approved a budget of four million for the sea wall on the eastern promenade")],
            Story.Select(Text), Menu());

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.Equal(5, found.Headline);
    }

    [Fact]
    public void Find_SectionLabelAboveTheHeadline_IsNotTheHeadline()
    {
        var blocks = Page(Menu(), [Text("Sea wall vote"), Text("Harbour Town approves a new sea wall after winter storms")], Story.Select(Text), Menu());

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.Equal(6, found.Headline);
    }

    [Fact]
    public void Find_OneWordTheArticleUses_DoesNotOutweighAHeadline()
    {
        // "Harbour" alone is all subject words; the headline shares most of its words with the story, not all.
        var blocks = Page(Menu(), [Text("Harbour Town approves sea wall, mayor welcomes the vote"), Text("Share this story"), Text("Go to Harbour")], Story.Select(Text), Menu());

        var found = DumpContent.Find(blocks, titleHint: null);

        Assert.Equal(5, found.Headline);
    }
}
