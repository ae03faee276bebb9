using Ingest.Core.Parsing.Dates;

namespace Ingest.Core.Tests.Parsing.Dates;

public sealed class EnglishDateTests
{
    [Theory]
    [InlineData("January 20, 2026")]
    [InlineData("January 20 2026")]
    [InlineData("Jan 20, 2026")]
    [InlineData("Jan. 20, 2026")]
    [InlineData("20 January 2026")]
    [InlineData("20th January 2026")]
    [InlineData("20th of January, 2026")]
    [InlineData("January 20th, 2026")]
    [InlineData("Tuesday, January 20, 2026")]
    [InlineData("Tue 20 Jan 2026")]
    [InlineData("2026-01-20")]
    [InlineData("2026-01-20T09:30:00Z")]
    [InlineData("2026-01-20T09:30:00.123+01:00")]
    [InlineData("  20 january 2026 ")]
    public void TryParse_EnglishForm_GivesTheDate(string text)
    {
        Assert.True(EnglishDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2026, 1, 20), date);
    }

    [Theory]
    [InlineData("Sept. 5, 2025", 9)]
    [InlineData("5 Sep 2025", 9)]
    [InlineData("May 5, 2025", 5)]
    [InlineData("5 June 2025", 6)]
    [InlineData("Dec 5 2025", 12)]
    public void TryParse_MonthAbbreviation_GivesTheMonth(string text, int month)
    {
        Assert.True(EnglishDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2025, month, 5), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("January 2026")]
    [InlineData("February 30, 2025")]
    [InlineData("2025-13-01")]
    [InlineData("2025-19-01")]
    [InlineData("32 March 2025")]
    [InlineData("Smarch 3, 2025")]
    [InlineData("Published January 20, 2026")]
    [InlineData("20/01/2026")]
    public void TryParse_NotOneValidDate_IsFalse(string text)
    {
        Assert.False(EnglishDate.TryParse(text, out _));
    }
}
