using Ingest.Core.Parsing.Bylines;

namespace Ingest.Core.Tests.Parsing.Bylines;

public sealed class BylineParserTests
{
    [Fact]
    public void TryParse_CategoryAuthorDate_ReadsAllThree()
    {
        var byline = BylineParser.TryParse("In Iran News by Newsroom January 20, 2026");

        Assert.NotNull(byline);
        Assert.Equal(["Newsroom"], byline.Authors);
        Assert.Equal("Iran News", byline.Category);
        Assert.Equal(new DateOnly(2026, 1, 20), byline.PublishedAt);
        Assert.Null(byline.UpdatedAt);
    }

    [Fact]
    public void TryParse_PipedPublishedAndUpdated_ReadsBothDates()
    {
        var byline = BylineParser.TryParse("By Samuel Achterberg and Leah Moreno-Quist | Published 3 March 2025 | Updated 4 March 2025");

        Assert.NotNull(byline);
        Assert.Equal(["Samuel Achterberg", "Leah Moreno-Quist"], byline.Authors);
        Assert.Null(byline.Category);
        Assert.Equal(new DateOnly(2025, 3, 3), byline.PublishedAt);
        Assert.Equal(new DateOnly(2025, 3, 4), byline.UpdatedAt);
    }

    [Fact]
    public void TryParse_WrittenByWithReadingTime_SkipsTheReadingTime()
    {
        var byline = BylineParser.TryParse("Written by Ilse Maarten and Gabriel Osei-Brandt · 4 min read · June 14, 2025");

        Assert.NotNull(byline);
        Assert.Equal(["Ilse Maarten", "Gabriel Osei-Brandt"], byline.Authors);
        Assert.Equal(new DateOnly(2025, 6, 14), byline.PublishedAt);
    }

    [Theory]
    [InlineData("By A. Smith, B. Jones & C. de la Cruz", new[] { "A. Smith", "B. Jones", "C. de la Cruz" })]
    [InlineData("By Mateo Lindqvist, 28 March 2025", new[] { "Mateo Lindqvist" })]
    [InlineData("By Jane Ortega, Science Correspondent", new[] { "Jane Ortega" })]
    [InlineData("by Seán O'Brien", new[] { "Seán O'Brien" })]
    public void TryParse_AuthorLists_SplitIntoNames(string line, string[] authors)
    {
        Assert.Equal(authors, BylineParser.TryParse(line)?.Authors);
    }

    [Theory]
    [InlineData("Published 3 March 2025 | Updated 4 March 2025", "2025-03-03", "2025-03-04")]
    [InlineData("Updated: March 4, 2025 10:32 GMT", null, "2025-03-04")]
    [InlineData("January 20, 2026", "2026-01-20", null)]
    public void TryParse_DateOnlyLines_GiveDatesWithoutAuthors(string line, string? published, string? updated)
    {
        var byline = BylineParser.TryParse(line);

        Assert.NotNull(byline);
        Assert.Empty(byline.Authors);
        Assert.Equal(published, byline.PublishedAt?.ToString("yyyy-MM-dd", null));
        Assert.Equal(updated, byline.UpdatedAt?.ToString("yyyy-MM-dd", null));
    }

    [Theory]
    [InlineData("By the end of the year, the council expects to finish the work.")]
    [InlineData("In March by contrast the river was low.")]
    [InlineData("By 2030 most buses will be electric")]
    [InlineData("The council met on March 3, 2025 to vote.")]
    [InlineData("Published by the council")]
    [InlineData("")]
    public void TryParse_Prose_IsNotAByline(string line)
    {
        Assert.Null(BylineParser.TryParse(line));
    }

    [Theory]
    [InlineData("by Steven Musil January 18, 2017 11:00 PM PST", "Steven Musil", "2017-01-18")]
    [InlineData("// By Arun Sai Krishnan • Nov 11, 2020", "Arun Sai Krishnan", "2020-11-11")]
    [InlineData("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", "Ahiza Garcia", "2016-02-01")]
    public void TryParse_DateWithTimeHandlesAndDecoration_ReadsNameAndDate(string line, string author, string date)
    {
        var byline = BylineParser.TryParse(line);

        Assert.NotNull(byline);
        Assert.Equal([author], byline.Authors);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), byline.PublishedAt);
    }

    [Fact]
    public void TryParse_RolesInBrackets_AreNotNames()
    {
        Assert.Equal(["Eleanor Ainge Roy", "Adrian Malloch"], BylineParser.TryParse("by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)")!.Authors);
    }
}
