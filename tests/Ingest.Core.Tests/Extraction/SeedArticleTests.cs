using Ingest.Core.Decoding;
using Ingest.Core.Extraction;
using Ingest.Core.Model;

namespace Ingest.Core.Tests.Extraction;

/// <summary>The sample article everything started from, checked field by field.</summary>
public sealed class SeedArticleTests
{
    private const string Title = "Iran Interior Ministry Official Defects and Urges Trump Intervention";

    private static readonly string[] Headings =
    [
        "Details of Iranian Official's Defection Announcement",
        "Defector's Direct Appeal to President Trump",
        "Context of Ongoing Protests in Iran",
        "Iranian Government Response to Defection Claims",
        "International Reactions to Iranian Defection",
        "Historical Precedents of Iranian Official Defections",
        "Implications for US-Iran Relations Under Trump",
        "Verification Efforts by Intelligence Agencies",
        "Broader Regional Security Context",
        "Domestic Iranian Security Measures Post-Defection",
        "Western Media Coverage and Fact-Checking",
    ];

    private readonly Article _article = Extract();

    private static Article Extract()
    {
        var result = new ArticleExtractor().Extract(TestFiles.Seed(), "000_dafa8b1eafac571b.txt");
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Article;
    }

    [Fact]
    public void Extract_Seed_TitleIsTheHeadlineOnce()
    {
        Assert.Equal(Title, _article.Title);
        Assert.DoesNotContain(_article.Sections.SelectMany(s => s.Paragraphs), p => p == Title);
    }

    [Fact]
    public void Extract_Seed_BylineGivesAuthorCategoryAndDate()
    {
        Assert.Equal(["Newsroom"], _article.Authors);
        Assert.Equal("Iran News", _article.Category);
        Assert.Equal(new DateOnly(2026, 1, 20), _article.PublishedAt);
        Assert.Null(_article.UpdatedAt);
        Assert.Equal(ProvenanceSources.Byline, _article.Provenance.Authors);
        Assert.Equal(ProvenanceSources.Byline, _article.Provenance.PublishedAt);
        Assert.Equal(ProvenanceSources.Text, _article.Provenance.Title);
    }

    [Fact]
    public void Extract_Seed_DatelineReadFromFirstParagraphWhichStaysWhole()
    {
        Assert.Equal(new Dateline("Tehran", "Brussels Morning Newspaper", new DateOnly(2026, 1, 20)), _article.Dateline);
        Assert.StartsWith("Tehran (Brussels Morning Newspaper) 20 January 2026 – An official", _article.Sections[0].Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Seed_FiveSummaryBulletsInOrder()
    {
        Assert.Equal(5, _article.Summary.Count);
        Assert.StartsWith("Iran Interior Ministry official defects, releasing video", _article.Summary[0], StringComparison.Ordinal);
        Assert.StartsWith("Defection coincides with protests marking", _article.Summary[4], StringComparison.Ordinal);
        Assert.All(_article.Summary, s => Assert.DoesNotContain("•", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_Seed_ImageCreditsInDocumentOrderAndOnTheirSections()
    {
        Assert.Equal(["althawranews.net", "iranintl.com", "Carlos Barria/Reuters", "wanaen.com"], _article.ImageCredits);
        Assert.Equal(["althawranews.net"], _article.Sections[0].ImageCredits);
        Assert.Equal(["iranintl.com"], _article.Sections[1].ImageCredits);
        Assert.Equal(["Carlos Barria/Reuters"], _article.Sections[2].ImageCredits);
        Assert.Empty(_article.Sections[3].ImageCredits);
        Assert.Equal(["wanaen.com"], _article.Sections[4].ImageCredits);
    }

    [Fact]
    public void Extract_Seed_LeadThenElevenHeadedSections()
    {
        Assert.Equal(12, _article.Sections.Count);
        Assert.Null(_article.Sections[0].Heading);
        Assert.Equal(2, _article.Sections[0].Paragraphs.Count);
        Assert.Equal(Headings, _article.Sections.Skip(1).Select(s => s.Heading));
        Assert.Equal(Enumerable.Range(0, 12), _article.Sections.Select(s => s.Index));
        Assert.All(_article.Sections.Skip(1), s => Assert.Equal(3, s.Paragraphs.Count));
    }

    [Theory]
    [InlineData("header-image")]
    [InlineData("Credit:")]
    [InlineData("In Iran News by Newsroom")]
    [InlineData("January 20, 2026")]
    public void Extract_Seed_NoSectionHoldsPageFurniture(string furniture)
    {
        Assert.All(_article.Sections.SelectMany(s => s.Paragraphs.Append(s.Heading ?? "")),
            text => Assert.DoesNotContain(furniture, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_Seed_MetadataFromBodyParagraphs()
    {
        Assert.InRange(_article.WordCount, 910, 950);
        Assert.Equal(_article.Sections.Sum(s => s.WordCount), _article.WordCount);
        Assert.Equal((int)Math.Ceiling(_article.WordCount / 230.0), _article.ReadingTimeMinutes);
        Assert.Equal("en", _article.Language);
        Assert.Equal(ArticleFormats.Text, _article.Source.Format);
        Assert.Equal(TextEncodingNames.Utf8, _article.Source.Encoding);
        Assert.Matches("^[0-9a-f]{32}$", _article.Source.ContentHash);
        Assert.Equal(TestFiles.Seed().Length, _article.Source.SizeBytes);
    }
}
