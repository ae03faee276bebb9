using System.Text;
using CsCheck;
using Ingest.Core.Extraction;
using Ingest.Core.Model;

namespace Ingest.Core.Tests.Extraction;

public sealed class ArticleExtractorTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t\n ")]
    [InlineData("\u200B\uFEFF\u00A0")]
    public void Extract_NoText_FailsAsEmpty(string text)
    {
        var result = Extractor.Extract(Encoding.UTF8.GetBytes(text), "article.txt");

        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionErrorCodes.Empty, result.Error.Code);
    }

    [Fact]
    public void Extract_OnlyFurniture_FailsAsNoArticle()
    {
        var result = Extractor.Extract(Encoding.UTF8.GetBytes("header-image\n\nAdvertisement\n\nShare this article"), "furniture.txt");

        Assert.False(result.Succeeded);
        Assert.Equal(ExtractionErrorCodes.NoArticle, result.Error.Code);
    }

    [Fact]
    public void Extract_SameTextInOtherEncodingsAndLineEnds_HashesAlike()
    {
        const string text = "Title Line\n\nCafé paragraph – with a dash.";
        var utf8 = Extractor.Extract(Encoding.UTF8.GetBytes(text), "article.txt");
        var utf16Crlf = Extractor.Extract([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))], "article.txt");

        Assert.True(utf8.Succeeded);
        Assert.True(utf16Crlf.Succeeded);
        Assert.Equal(utf8.Article.Source.ContentHash, utf16Crlf.Article.Source.ContentHash);
        Assert.NotEqual(utf8.Article.Source.Encoding, utf16Crlf.Article.Source.Encoding);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03, 0x41, 0x00, 0x00, 0x42 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 })]
    public void Extract_BinaryContent_FailsAsBinaryWhateverTheName(byte[] bytes)
    {
        var result = Extractor.Extract(bytes, "photo.txt");

        Assert.Equal(ExtractionErrorCodes.Binary, result.Error?.Code);
    }

    [Fact]
    public void Extract_HtmlSavedAsTxt_IsReadAsHtml()
    {
        var result = Extractor.Extract(Encoding.UTF8.GetBytes("<!doctype html><html><head><title>Saved Page</title></head><body><p>Body text.</p></body></html>"), "saved.txt");

        Assert.True(result.Succeeded);
        Assert.Equal(ArticleFormats.Html, result.Article.Source.Format);
        Assert.Equal("Saved Page", result.Article.Title);
    }

    [Fact]
    public void Extract_JsonArray_OneArticlePerElementEachWithItsOwnHash()
    {
        var result = Extractor.Extract(Encoding.UTF8.GetBytes("""[{"title": "A", "body": "First."}, {"title": "B", "body": "Second."}]"""), "feed.json");

        Assert.True(result.Succeeded);
        Assert.Equal([0, 1], result.Articles.Select(a => a.Position));
        Assert.NotEqual(result.Articles[0].Source.ContentHash, result.Articles[1].Source.ContentHash);
        Assert.All(result.Articles, a => Assert.Equal(ArticleFormats.Json, a.Source.Format));
    }

    [Fact]
    public void Extract_AnyBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 2_000].Sample(bytes => Extractor.Extract(bytes, "any.txt"), iter: 2_000);
    }

    [Fact]
    public void Extract_AnyLinesOfArticleLikePieces_NeverThrowsAndKeepsIndicesDense()
    {
        var piece = Gen.OneOf(
            "", "header-image", "Credit: someone", "  • a bullet", "- dash bullet", "By Jane Doe | Published 3 March 2025",
            "In News by Desk January 20, 2026", "A Heading Line", "WHAT NEXT?", "A paragraph that ends with a full stop.",
            "Tehran (Wire) 20 January 2026 – Text.", "Kestrel Bay — Text", "continued in lower case", "\u00A0\u200B", "\r");
        Gen.String[Gen.Char].Array[0, 5].Select(piece.Array[0, 40], (noise, pieces) => string.Join('\n', pieces.Concat(noise)))
            .Sample(text =>
            {
                var result = Extractor.Extract(Encoding.UTF8.GetBytes(text), "article.txt");
                if (result.Succeeded)
                {
                    Assert.Equal(Enumerable.Range(0, result.Article.Sections.Count), result.Article.Sections.Select(s => s.Index));
                    Assert.Equal(result.Article.Sections.Sum(s => s.WordCount), result.Article.WordCount);
                }
            }, iter: 2_000);
    }
}
