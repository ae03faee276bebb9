using Ingest.Core.Parsing.Titles;

namespace Ingest.Core.Tests.Parsing.Titles;

public sealed class DocumentTitleTests
{
    [Theory]
    [InlineData("Harbour Reopens After Winter Repairs | The Gazette", "Harbour Reopens After Winter Repairs")]
    [InlineData("Harbour Reopens After Winter Repairs - News - The Gazette", "Harbour Reopens After Winter Repairs - News")]
    [InlineData("The Gazette » Harbour Reopens After Winter Repairs", "Harbour Reopens After Winter Repairs")]
    [InlineData("Harbour Reopens After Winter Repairs — The Gazette", "Harbour Reopens After Winter Repairs")]
    [InlineData("The Gazette: Harbour Reopens After Winter Repairs", "Harbour Reopens After Winter Repairs")]
    [InlineData("Harbour Reopens - The Gazette", "Harbour Reopens - The Gazette")]
    [InlineData("Mozilla - Wikipedia", "Mozilla - Wikipedia")]
    [InlineData("A Long Title With A Colon In It: Hello There", "A Long Title With A Colon In It: Hello There")]
    [InlineData("draft-ietf-remotestorage-04", "draft-ietf-remotestorage-04")]
    public void Clean_SeparatedTitle_KeepsTheHeadline(string title, string expected)
    {
        Assert.Equal(expected, DocumentTitle.Clean(title, []));
    }

    [Fact]
    public void Clean_ColonTitleAHeadingRepeats_StaysWhole()
    {
        Assert.Equal("Evolve: Shared Mutable History", DocumentTitle.Clean("Evolve: Shared Mutable History", ["Evolve: Shared Mutable History"]));
    }

    [Fact]
    public void Clean_ShortHeadlineAndKnownSiteName_DropsTheSiteName()
    {
        Assert.Equal("Harbour Reopens", DocumentTitle.Clean("Harbour Reopens | The Gazette", [], ["The Gazette"]));
        Assert.Equal("Harbour Reopens", DocumentTitle.Clean("The Gazette | Harbour Reopens", [], ["the gazette"]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Clean_NoTitle_IsNull(string? title)
    {
        Assert.Null(DocumentTitle.Clean(title, []));
    }

    [Fact]
    public void Clean_WhiteSpaceRuns_AreFolded()
    {
        Assert.Equal("Harbour Reopens After Winter Repairs", DocumentTitle.Clean("  Harbour   Reopens\nAfter Winter Repairs ", []));
    }
}
