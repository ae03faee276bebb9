using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Tests.Parsing.PlainText;

public sealed class LineClassifierTests
{
    [Theory]
    [InlineData("header-image")]
    [InlineData("Advertisement")]
    [InlineData("Skip to main content")]
    [InlineData("Share this article")]
    [InlineData("Share on Facebook")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Read more: Council sets new budget")]
    [InlineData("SHARE:")]
    [InlineData("share on facebook")]
    [InlineData("continue reading")]
    [InlineData("advertisement")]
    public void Classify_PageFurniture_IsBoilerplate(string line)
    {
        Assert.Equal(LineKind.Boilerplate, LineClassifier.Classify(line).Kind);
    }

    [Theory]
    [InlineData("Read more widely than you think you need to, the librarian told the committee, because curiosity is a habit that has to be practised every day.")]
    [InlineData("Advertisements for the post appeared in March.")]
    public void Classify_ProseThatStartsLikeFurniture_IsText(string line)
    {
        Assert.Equal(LineKind.Text, LineClassifier.Classify(line).Kind);
    }

    [Theory]
    [InlineData("Credit: althawranews.net", "althawranews.net")]
    [InlineData("Credit:  Carlos Barria/Reuters", "Carlos Barria/Reuters")]
    [InlineData("Photo: Lars Henningsen / Northline Science", "Lars Henningsen / Northline Science")]
    [InlineData("Image: Getty Images.", "Getty Images")]
    [InlineData("Photograph: Jane Doe", "Jane Doe")]
    [InlineData("Photo by Jane Doe", "Jane Doe")]
    [InlineData("photo: Jane Doe", "Jane Doe")]
    [InlineData("VIDEO: Northline Science", "Northline Science")]
    [InlineData("graphic: Jane Doe", "Jane Doe")]
    public void Classify_CreditLine_GivesTheCredit(string line, string credit)
    {
        var classified = LineClassifier.Classify(line);

        Assert.Equal(LineKind.Credit, classified.Kind);
        Assert.Equal(credit, classified.Text);
    }

    [Theory]
    [InlineData("  • Key point one.", "Key point one.")]
    [InlineData("- Dash point", "Dash point")]
    [InlineData("* Star  point", "Star point")]
    [InlineData("· Middle dot point", "Middle dot point")]
    [InlineData("– En dash point", "En dash point")]
    [InlineData("\u00A0\t● Indented by a no-break space and a tab", "Indented by a no-break space and a tab")]
    public void Classify_BulletLine_GivesTextWithoutMarker(string line, string text)
    {
        var classified = LineClassifier.Classify(line);

        Assert.Equal(LineKind.Bullet, classified.Kind);
        Assert.Equal(text, classified.Text);
    }

    [Theory]
    [InlineData("By Jane Ortega | Published 3 March 2025")]
    [InlineData("by Jane Ortega")]
    [InlineData("In Politics by Jane Ortega")]
    [InlineData("Words by Jane Ortega")]
    [InlineData("— By Jane Ortega")]
    public void Classify_Byline_CarriesTheParsedByline(string line)
    {
        var classified = LineClassifier.Classify(line);

        Assert.Equal(LineKind.Byline, classified.Kind);
        Assert.Equal(["Jane Ortega"], classified.Byline?.Authors);
    }

    [Fact]
    public void Classify_IndentedTextWithDoubleSpaces_IsFolded()
    {
        Assert.Equal("Some text here.", LineClassifier.Classify("   Some  text   here.").Text);
    }
}
