using Ingest.Core.Languages;
using Ingest.Core.Metadata;
using Ingest.Core.Model;
using Ingest.Core.Parsing;
using Ingest.Core.Parsing.Datelines;

namespace Ingest.Core.Extraction;

/// <summary>
/// The steps every format shares once a reader has drafted an article: the dateline of the
/// first paragraph (and the publication date it gives when nothing else did), dense section
/// indices, word counts, reading time, language and the content hash.
/// </summary>
public static class ArticleAssembler
{
    public static Article Assemble(ArticleDraft draft, ExtractedSource source)
    {
        var firstParagraph = draft.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault();
        var dateline = draft.Dateline
            ?? (firstParagraph is null ? null : DatelineParser.TryParse(firstParagraph, draft.PublishedAt?.Year));
        var publishedFromDateline = draft.PublishedAt is null && dateline?.Date is not null;

        // The paragraphs are read once for both their word counts and the article's language.
        var tally = new FunctionWordTally();
        var sections = draft.Sections
            .Select((s, index) => new Section(index, s.Heading, s.Paragraphs, s.ImageCredits, s.Paragraphs.Sum(p => WordCounter.Count(p, tally))))
            .ToList();
        var wordCount = sections.Sum(s => s.WordCount);

        return new Article
        {
            Title = draft.Title,
            Subtitle = draft.Subtitle,
            Authors = draft.Authors,
            PublishedAt = draft.PublishedAt ?? dateline?.Date,
            UpdatedAt = draft.UpdatedAt,
            Category = draft.Category,
            Tags = draft.Tags,
            Summary = draft.Summary,
            Dateline = dateline,
            ImageCredits = sections.SelectMany(s => s.ImageCredits).ToList(),
            Language = LanguageDetector.Detect(tally),
            WordCount = wordCount,
            ReadingTimeMinutes = ReadingTime.Minutes(wordCount),
            Source = source,
            Provenance = draft.Provenance with
            {
                PublishedAt = publishedFromDateline ? ProvenanceSources.Dateline : draft.Provenance.PublishedAt,
                Dateline = dateline is null ? null : draft.Provenance.Dateline ?? ProvenanceSources.Text,
            },
            Sections = sections,
            Position = draft.Position,
        };
    }
}
