using Ingest.Core.Extraction;
using Ingest.Core.Normalisation;
using Ingest.Core.Parsing;
using Ingest.Core.Parsing.Markdown;
using Ingest.Core.Parsing.PlainText;

namespace Ingest.Core.Tests.Parsing.PageDumps;

/// <summary>
/// A whole web page saved as plain text and as Markdown (menus, share bars, related stories, comments, footer and all):
/// each reader keeps the article and its headline and leaves the rest.
/// </summary>
public sealed class PageDumpReadingTests
{
    private static readonly string[] ArticleOpenings =
    [
        "The council in Harbour Town voted on Monday",
        "Councillors approved a budget",
        "\"We cannot go through another winter",
        "Engineers said the design",
    ];

    private static readonly string[] Furniture =
    [
        "Skip to main content", "Sport", "Share on Facebook", "Related stories", "Harbour Festival Returns", "Advertisement",
        "Great news for the town", "I hope the walkway", "Reply", "Privacy policy", "All rights reserved",
    ];

    [Fact]
    public void Read_PlainTextPageDump_KeepsTheArticleAndItsHeadline()
    {
        var draft = Read(new PlainTextArticleReader(), "harbour-sea-wall.txt");

        Assert.Equal("Harbour Town Council Approves New Sea Wall After Winter Storms", draft.Title);
        Assert.Equal(["Ann Lee"], draft.Authors);
        Assert.Equal(new DateOnly(2025, 3, 3), draft.PublishedAt);
        AssertArticleOnly(draft);
    }

    [Fact]
    public void Read_MarkdownPageDump_KeepsTheArticleItsHeadingsAndTheTitle()
    {
        var draft = Read(new MarkdownArticleReader(ExtractionLimits.Default), "harbour-sea-wall.md");

        Assert.Equal("Harbour Town Council Approves New Sea Wall After Winter Storms", draft.Title);
        Assert.Equal(["Ann Lee"], draft.Authors);
        Assert.Contains("A long wait", draft.Sections.Select(s => s.Heading));
        AssertArticleOnly(draft);
    }

    [Fact]
    public void Read_ArticleUnderATopBar_TakesTheHeadlineBelowTheBar()
    {
        var draft = Assert.Single(new PlainTextArticleReader().Read(TextNormaliser.Normalise("""
            Blog

            Insights

            Harbour Town Approves A New Sea Wall After Winter Storms

            The council in Harbour Town voted on Monday to build a new sea wall along the eastern promenade, after winter storms flooded homes.

            Councillors approved a budget of four million for the sea wall, which will begin in May and is expected to take two years.

            Engineers said the design of the sea wall had been tested against the worst storms of the past century in the harbour.
            """)).Drafts);

        Assert.Equal("Harbour Town Approves A New Sea Wall After Winter Storms", draft.Title);
    }

    [Fact]
    public void Read_TidyArticle_IsStillReadWhole()
    {
        var draft = Assert.Single(new PlainTextArticleReader().Read(TextNormaliser.Normalise("""
            Harbour Reopens After Repairs

            By Ann Lee | Published 3 March 2025

            • Repairs took six months
            • Ferries run again from Monday

            The harbour reopened on Monday after six months of repairs to the north quay.

            Short line.

            The ferry company said services would return to the usual timetable within a week.
            """)).Drafts);

        Assert.Equal("Harbour Reopens After Repairs", draft.Title);
        Assert.Equal(2, draft.Summary.Count);
        Assert.Equal(3, draft.Sections.Single().Paragraphs.Count);
    }

    private static ArticleDraft Read(IArticleReader reader, string file) =>
        Assert.Single(reader.Read(TextNormaliser.Normalise(File.ReadAllText(TestFiles.Path("PageDumps", file)))).Drafts);

    private static void AssertArticleOnly(ArticleDraft draft)
    {
        var paragraphs = draft.Sections.SelectMany(s => s.Paragraphs).ToList();
        Assert.Equal(ArticleOpenings.Length, paragraphs.Count);
        Assert.All(ArticleOpenings.Zip(paragraphs), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        var text = string.Join('\n', draft.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading ?? "")));
        Assert.All(Furniture, junk => Assert.DoesNotContain(junk, text, StringComparison.Ordinal));
    }
}
