using Ingest.Core.Model;
using Ingest.Core.Parsing.Datelines;

namespace Ingest.Core.Tests.Parsing.Datelines;

public sealed class DatelineParserTests
{
    [Fact]
    public void TryParse_PlacePublisherDate_ReadsAllThree()
    {
        var dateline = DatelineParser.TryParse("Tehran (Brussels Morning Newspaper) 20 January 2026 – An official from Iran's Interior Ministry has defected.");

        Assert.Equal(new Dateline("Tehran", "Brussels Morning Newspaper", new DateOnly(2026, 1, 20)), dateline);
    }

    [Fact]
    public void TryParse_WireStyleWithoutYear_TakesTheFallbackYear()
    {
        var dateline = DatelineParser.TryParse("GENEVA, Aug 14 (Reuters) - Talks resumed on Thursday.", fallbackYear: 2025);

        Assert.Equal(new Dateline("GENEVA", "Reuters", new DateOnly(2025, 8, 14)), dateline);
    }

    [Fact]
    public void TryParse_WireStyleWithoutYearOrFallback_HasNoDate()
    {
        var dateline = DatelineParser.TryParse("GENEVA, Aug 14 (Reuters) - Talks resumed on Thursday.");

        Assert.Equal(new Dateline("GENEVA", "Reuters", null), dateline);
    }

    [Theory]
    [InlineData("Kestrel Bay — The rowing club won.", "Kestrel Bay", null)]
    [InlineData("LONDON (AP) — Ministers met on Monday.", "LONDON", "AP")]
    [InlineData("NEW YORK - Stocks rose on Friday.", "NEW YORK", null)]
    [InlineData("Port Aveline (Kestrel Bay Gazette) 6 April 2025 — Kestrel Bay Rowing Club ended a wait.", "Port Aveline", "Kestrel Bay Gazette")]
    [InlineData("WASHINGTON, D.C. (Reuters) – The Senate voted.", "WASHINGTON, D.C.", "Reuters")]
    public void TryParse_OtherShapes_ReadLocationAndPublisher(string paragraph, string location, string? publisher)
    {
        var dateline = DatelineParser.TryParse(paragraph);

        Assert.NotNull(dateline);
        Assert.Equal(location, dateline.Location);
        Assert.Equal(publisher, dateline.Publisher);
    }

    [Theory]
    [InlineData("Residents of Ashdown can now borrow a thermal imaging camera from the town library.")]
    [InlineData("The council (which met on Monday) approved the plan.")]
    [InlineData("Prices rose - again - in March.")]
    [InlineData("")]
    public void TryParse_OrdinaryParagraph_IsNull(string paragraph)
    {
        Assert.Null(DatelineParser.TryParse(paragraph));
    }
}
