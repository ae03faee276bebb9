using CsCheck;
using Ingest.Core.Extraction;
using Ingest.Core.Model;
using Ingest.Core.Parsing;
using Ingest.Core.Parsing.Json;

namespace Ingest.Core.Tests.Parsing.Json;

public sealed class JsonArticleReaderTests
{
    private static ReadResult Read(string json, ExtractionLimits? limits = null) => new JsonArticleReader(limits ?? ExtractionLimits.Default).Read(json);

    [Fact]
    public void Read_ScraperObject_ReadsFieldsAndBodyLikeAPageDump()
    {
        var draft = Assert.Single(Read("""
            {"title": "Frost Threatens Blossom", "byline": "By Declan Mistry and Hana Kowalczyk", "date": "May 2, 2025",
             "category": "Weather", "keywords": "frost, orchards",
             "text": "Orrin Valley (Desk) 2 May 2025 – Growers prepared.\n\nGrowers Work Through the Night\n\nCredit: Desk/Hana\n\nSprinklers ran."}
            """).Drafts);

        Assert.Equal("Frost Threatens Blossom", draft.Title);
        Assert.Equal(["Declan Mistry", "Hana Kowalczyk"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 5, 2), draft.PublishedAt);
        Assert.Equal(["frost", "orchards"], draft.Tags);
        Assert.Equal([null, "Growers Work Through the Night"], draft.Sections.Select(s => s.Heading));
        Assert.Equal(["Desk/Hana"], draft.Sections[1].ImageCredits);
        Assert.Equal("json", draft.Provenance.Title);
    }

    [Fact]
    public void Read_SchemaOrgNewsArticle_ProvenanceIsJsonLd()
    {
        var draft = Assert.Single(Read("""
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Comet Splits",
             "author": {"@type": "Person", "name": "Morwenna Tate"}, "datePublished": "2025-02-19T06:00:00Z",
             "dateModified": "2025-02-19T11:42:00Z", "articleSection": ["Science", "Space"], "articleBody": "The comet split."}
            """).Drafts);

        Assert.Equal("Comet Splits", draft.Title);
        Assert.Equal(["Morwenna Tate"], draft.Authors);
        Assert.Equal("Science", draft.Category);
        Assert.Equal("2025-02-19T11:42:00+00:00", draft.UpdatedAt);
        Assert.Equal("jsonld", draft.Provenance.Title);
    }

    [Fact]
    public void Read_Array_OneDraftPerArticleAtItsPosition()
    {
        var drafts = Read("""
            [{"title": "First", "body": "One."},
             {"headline": "Second", "sections": [{"heading": null, "paragraphs": ["Lead."]}, {"heading": "Part", "paragraphs": ["Two."], "imageCredits": ["X/Y"]}]},
             {"title": "Third", "content": "Three."}]
            """).Drafts;

        Assert.Equal(["First", "Second", "Third"], drafts.Select(d => d.Title));
        Assert.Equal([0, 1, 2], drafts.Select(d => d.Position));
        Assert.All(drafts, d => Assert.NotNull(d.ContentText));
        Assert.Equal([null, "Part"], drafts[1].Sections.Select(s => s.Heading));
        Assert.Equal(["X/Y"], drafts[1].Sections[1].ImageCredits);
    }

    [Fact]
    public void Read_Wrapper_ReadsTheArticlesInside()
    {
        Assert.Equal(2, Read("""{"articles": [{"title": "A", "body": "a."}, {"title": "B", "body": "b."}]}""").Drafts.Count);
    }

    [Theory]
    [InlineData("{\"title\": \"x\",", ExtractionErrorCodes.MalformedJson)]
    [InlineData("{\"title\": 42, \"body\": \"x\"}", ExtractionErrorCodes.WrongFieldType)]
    [InlineData("{\"title\": \"x\", \"authors\": [1, 2]}", ExtractionErrorCodes.WrongFieldType)]
    [InlineData("{\"title\": \"x\", \"sections\": \"not a list\"}", ExtractionErrorCodes.WrongFieldType)]
    [InlineData("[{\"title\": \"ok\"}, 7]", ExtractionErrorCodes.WrongFieldType)]
    public void Read_BadJson_FailsWithACode(string json, string code)
    {
        var result = Read(json);

        Assert.Empty(result.Drafts);
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void Read_NestingPastTheLimit_IsMalformed()
    {
        var deep = "{\"title\": \"T\", \"extra\": " + new string('[', 100) + new string(']', 100) + "}";

        Assert.Equal(ExtractionErrorCodes.MalformedJson, Read(deep).Error?.Code);
        Assert.Null(Read(deep, ExtractionLimits.Default with { MaxJsonDepth = 200 }).Error);
    }

    [Fact]
    public void Read_MoreArticlesThanTheLimit_Fails()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 11).Select(i => $"{{\"title\": \"T{i}\"}}")) + "]";

        Assert.Equal(ExtractionErrorCodes.TooManyArticles, Read(json, ExtractionLimits.Default with { MaxArticlesPerFile = 10 }).Error?.Code);
        Assert.Equal(11, Read(json).Drafts.Count);
    }

    [Fact]
    public void Read_AnyJsonish_NeverThrows()
    {
        var piece = Gen.OneOf(Gen.Const("{"), Gen.Const("}"), Gen.Const("["), Gen.Const("]"), Gen.Const(","), Gen.Const(":"),
            Gen.Const("\"title\""), Gen.Const("\"authors\""), Gen.Const("\"sections\""), Gen.Const("\"body\""), Gen.Const("null"),
            Gen.Const("42"), Gen.Const("\"text\""), Gen.Const("{\"name\": \"A\"}"), Gen.String);
        piece.Array[0, 40].Select(string.Concat).Sample(json => Read(json), iter: 2_000);
    }
}
