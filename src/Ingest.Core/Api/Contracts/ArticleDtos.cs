using Ingest.Core.Model;

namespace Ingest.Core.Api.Contracts;

/// <summary>Shapes an extracted <see cref="Article"/> as the contract's <c>Article</c>, with what only storage knows.</summary>
public static class ArticleDtos
{
    /// <param name="blobETag">The ETag of the blob content the article was extracted from.</param>
    /// <remarks><c>version</c> and <c>ingestedAt</c> are set by storage when it writes.</remarks>
    public static ArticleDto From(Article article, string id, string container, string blobName, string blobETag) => new()
    {
        Id = id,
        Title = article.Title,
        Subtitle = article.Subtitle,
        Authors = article.Authors,
        PublishedAt = article.PublishedAt,
        UpdatedAt = article.UpdatedAt,
        Category = article.Category,
        Tags = article.Tags,
        Summary = article.Summary,
        Dateline = article.Dateline is { } d ? new DatelineDto(d.Location, d.Publisher, d.Date) : null,
        ImageCredits = article.ImageCredits,
        Language = article.Language,
        WordCount = article.WordCount,
        ReadingTimeMinutes = article.ReadingTimeMinutes,
        SectionCount = article.Sections.Count,
        Source = new ArticleSourceDto(container, blobName, blobETag, article.Source.ContentHash, article.Source.SizeBytes, article.Source.Format, article.Source.Encoding),
        Provenance = new ProvenanceDto(
            article.Provenance.Title, article.Provenance.Authors, article.Provenance.PublishedAt,
            article.Provenance.UpdatedAt, article.Provenance.Category, article.Provenance.Dateline),
        Sections = article.Sections.Select(s => new SectionDto(s.Index, s.Heading, s.Paragraphs, s.ImageCredits, s.WordCount)).ToList(),
        Version = 0,
        IngestedAt = default,
    };
}
