using CsCheck;
using Ingest.Core.Extraction;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;
using Ingest.Core.Parsing.Markdown;

namespace Ingest.Core.Tests.Parsing.Markdown;

public sealed class MarkdownArticleReaderTests
{
    private static ArticleDraft Read(string markdown, ExtractionLimits? limits = null) =>
        Assert.Single(new MarkdownArticleReader(limits ?? ExtractionLimits.Default).Read(TextNormaliser.Normalise(markdown)).Drafts);

    [Fact]
    public void Read_YamlFrontMatter_GivesMetadataWithProvenance()
    {
        var draft = Read("""
            ---
            title: "Museum Reopens"
            author: Ilse Maarten and Gabriel Osei-Brandt
            date: 2025-06-14
            updated: 2025-06-15T08:00:00Z
            category: Culture
            tags: [museums, heritage]
            ---

            Body paragraph.
            """);

        Assert.Equal("Museum Reopens", draft.Title);
        Assert.Equal(["Ilse Maarten", "Gabriel Osei-Brandt"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 6, 14), draft.PublishedAt);
        Assert.Equal("2025-06-15T08:00:00+00:00", draft.UpdatedAt);
        Assert.Equal("Culture", draft.Category);
        Assert.Equal(["museums", "heritage"], draft.Tags);
        Assert.Equal("frontmatter", draft.Provenance.Title);
        Assert.Equal("frontmatter", draft.Provenance.PublishedAt);
        Assert.Equal(["Body paragraph."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_TomlFrontMatter_GivesMetadata()
    {
        var draft = Read("""
            +++
            title = "Frost Warning"
            authors = ["Declan Mistry"]
            date = 2025-05-02
            categories = ["Weather"]
            +++

            Body.
            """);

        Assert.Equal("Frost Warning", draft.Title);
        Assert.Equal(["Declan Mistry"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 5, 2), draft.PublishedAt);
        Assert.Equal("Weather", draft.Category);
    }

    [Fact]
    public void Read_HeadingsListsQuotesLinksImagesAndCode()
    {
        var draft = Read("""
            # The Title

            - Key point one
            - Key point two

            Lead with a [link](https://example.com) and *emphasis*.

            Setext Section
            --------------

            ![alt text](images/photo.jpg)

            Credit: Museum Archive

            > A quoted line.

            ```
            # not a heading
            ```

            ### Third Level

            1. A numbered item
            """);

        Assert.Equal("The Title", draft.Title);
        Assert.Equal("heading", draft.Provenance.Title);
        Assert.Equal(["Key point one", "Key point two"], draft.Summary);
        Assert.Equal([null, "Setext Section", "Third Level"], draft.Sections.Select(s => s.Heading));
        Assert.Equal(["Lead with a link and emphasis."], draft.Sections[0].Paragraphs);
        Assert.Equal(["A quoted line."], draft.Sections[1].Paragraphs);
        Assert.Equal(["Museum Archive"], draft.Sections[1].ImageCredits);
        Assert.Equal(["A numbered item"], draft.Sections[2].Paragraphs);
        Assert.DoesNotContain("not a heading", draft.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Read_UnterminatedFrontMatter_IsReadAsMarkdownWithinTheLimit()
    {
        var markdown = "---\ntitle: x\n" + string.Concat(Enumerable.Repeat("key: value\n", 100_000)) + "\n# Heading\n\nText here.";

        var draft = Read(markdown);

        Assert.Equal("Heading", draft.Title);
        Assert.Contains("Text here.", draft.Sections.SelectMany(s => s.Paragraphs));
    }

    [Fact]
    public void Read_FrontMatterLongerThanTheLimit_IsNotFrontMatter()
    {
        var markdown = "---\ntitle: Long\nnote: " + new string('x', 2_000) + "\n---\n\nBody.";

        Assert.Equal("Long", Read(markdown).Title);
        Assert.Null(Read(markdown, ExtractionLimits.Default with { MaxFrontMatterChars = 500 }).Title);
    }

    [Fact]
    public void Read_MalformedYaml_IsLeftOutOfTheBody()
    {
        var draft = Read("---\ntitle: [unclosed\n---\n\nBody paragraph.");

        Assert.Null(draft.Title);
        Assert.Equal(["Body paragraph."], draft.Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_FiveMegabyteLine_IsOneParagraph()
    {
        var draft = Read("# Title\n\n" + string.Concat(Enumerable.Repeat("word ", 1_000_000)));

        Assert.Equal(1_000_000, draft.Sections.Single().Paragraphs.Single().Split(' ').Length);
    }

    [Fact]
    public void Read_ThousandsOfNestedQuotes_FailAsTooDeep()
    {
        var result = new MarkdownArticleReader(ExtractionLimits.Default).Read("# T\n\n" + new string('>', 20_000) + " deep");

        Assert.Equal(Model.ExtractionErrorCodes.TooDeeplyNested, result.Error?.Code);
    }

    [Fact]
    public void Read_NestedQuotesWithinReason_AreRead()
    {
        Assert.Contains("deep", Read("# T\n\n" + new string('>', 50) + " deep").Sections.Single().Paragraphs);
    }

    [Fact]
    public void Read_AnyMarkdownish_NeverThrows()
    {
        var piece = Gen.OneOf(Gen.Const("---\n"), Gen.Const("+++\n"), Gen.Const("# "), Gen.Const("> "), Gen.Const("- "), Gen.Const("```\n"),
            Gen.Const("title: "), Gen.Const("[a](b)"), Gen.Const("![i](j)"), Gen.Const("\n\n"), Gen.Const("Credit: x\n"), Gen.String);
        piece.Array[0, 60].Select(string.Concat).Sample(text => new MarkdownArticleReader(ExtractionLimits.Default).Read(TextNormaliser.Normalise(text)), iter: 1_000);
    }
}
