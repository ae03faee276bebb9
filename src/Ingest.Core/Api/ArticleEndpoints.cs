using System.Globalization;
using Azure;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Api;

/// <summary>The <c>/api/articles</c> routes of the contract. Both hosts route requests here and return what these return.</summary>
public sealed class ArticleEndpoints(IngestStorage storage, ArticleStore articles, IngestionStore ingestions)
{
    private IngestOptions Options => storage.Options;

    /// <summary><c>GET /api/articles</c></summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var top = QueryValues.Int(request, "top", 1, ArticleListQuery.MaxTop, out var e1) ?? ArticleListQuery.DefaultTop;
        var query = new ArticleListQuery(
            top,
            QueryValues.Text(request, "continuationToken", out var e2),
            QueryValues.Text(request, "category", out var e3),
            QueryValues.Text(request, "author", out var e4),
            QueryValues.Date(request, "publishedFrom", out var e5),
            QueryValues.Date(request, "publishedTo", out var e6),
            QueryValues.Text(request, "source", out var e7));
        var error = e1 ?? e2 ?? e3 ?? e4 ?? e5 ?? e6 ?? e7;
        if (error is null && query.PublishedFrom > query.PublishedTo)
        {
            error = "'publishedFrom' is after 'publishedTo'.";
        }

        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        var (items, token) = await articles.ListAsync(query, cancellationToken);
        return TypedResults.Json(new PageDto<ArticleSummaryDto>(items, token), IngestJson.Context.PageDtoArticleSummaryDto);
    });

    /// <summary><c>GET /api/articles/{id}</c></summary>
    public Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        WithArticleAsync(id, article => TypedResults.Json(article, IngestJson.Context.ArticleDto),
            cancellationToken);

    /// <summary><c>GET /api/articles/{id}/sections</c></summary>
    public Task<IResult> GetSectionsAsync(string id, CancellationToken cancellationToken) =>
        WithArticleAsync(id, article => TypedResults.Json(new ItemsDto<SectionDto>(article.Sections), IngestJson.Context.ItemsDtoSectionDto),
            cancellationToken);

    /// <summary><c>GET /api/articles/{id}/sections/{index}</c></summary>
    public Task<IResult> GetSectionAsync(string id, string index, CancellationToken cancellationToken)
    {
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return Task.FromResult<IResult>(Problems.BadRequest("The section index must be a whole number from 0."));
        }

        return WithArticleAsync(id, article => position < article.Sections.Count
            ? TypedResults.Json(article.Sections[position], IngestJson.Context.SectionDto)
            : Problems.NotFound($"Article '{id}' has {article.Sections.Count} sections; there is no section {position}."), cancellationToken);
    }

    /// <summary><c>GET /api/articles/{id}/text</c></summary>
    public Task<IResult> GetTextAsync(string id, CancellationToken cancellationToken) =>
        WithArticleAsync(id, article => TypedResults.Text(ArticleText.Render(article), "text/plain; charset=utf-8"),
            cancellationToken);

    /// <summary><c>POST /api/articles?name={blobName}</c>: the body becomes the blob, exactly as if it had been dropped into the container.</summary>
    public Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var name = QueryValues.Text(request, "name", out var error);
        error ??= name is null ? "'name' is required: the blob name to write." : BlobNames.Problem(name);
        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        if (request.ContentLength > Options.MaxBlobBytes)
        {
            return Problems.PayloadTooLarge($"The body is larger than the {Options.MaxBlobBytes} bytes a file may have.");
        }

        // The body is held whole (a retry resends it): it waits its turn in the host's memory budget first.
        using var memory = await storage.FileMemory.TakeAsync(request.ContentLength ?? Options.MaxBlobBytes, cancellationToken);
        using var body = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > Options.MaxBlobBytes)
            {
                return Problems.PayloadTooLarge($"The body is larger than the {Options.MaxBlobBytes} bytes a file may have.");
            }

            body.Write(buffer, 0, read);
        }

        var etag = await storage.Articles.UploadAsync(name!, new BinaryData(body.GetBuffer().AsMemory(0, (int)body.Length)), cancellationToken);
        return TypedResults.Json(new UploadAcceptedDto(name!, IngestionEndpoints.StatusUrl(name!), etag), IngestJson.Context.UploadAcceptedDto, statusCode: StatusCodes.Status202Accepted);
    });

    /// <summary><c>DELETE /api/articles/{id}</c>: the source blob first, then every row of every article it held, then its ingestion record.</summary>
    public Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var article = await articles.GetAsync(id, cancellationToken);
        if (article is null)
        {
            return Problems.NotFound($"There is no article '{id}'.");
        }

        var blobName = article.Source.Blob;
        await storage.Articles.DeleteAsync(blobName, cancellationToken);
        var record = await ingestions.GetAsync(blobName, cancellationToken);
        await DeletedBlobRows.RemoveAsync(articles, ingestions, blobName, record, ETag.All, [id], cancellationToken);

        return TypedResults.NoContent();
    });

    private Task<IResult> WithArticleAsync(string id, Func<ArticleDto, IResult> respond, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var article = await articles.GetAsync(id, cancellationToken);
        return article is null ? Problems.NotFound($"There is no article '{id}'.") : respond(article);
    });
}
