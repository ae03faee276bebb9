using Ingest.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Ingest.Functions.Functions;

/// <summary>The <c>/api/articles</c> routes. Each binds and delegates to <see cref="ArticleEndpoints"/>.</summary>
public sealed class ArticleHttpFunctions(ArticleEndpoints articles)
{
    [Function("ListArticles")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Articles)] HttpRequest request,
        CancellationToken cancellationToken) =>
        articles.ListAsync(request, cancellationToken);

    [Function("GetArticle")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Article)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        articles.GetAsync(id, cancellationToken);

    [Function("GetArticleSections")]
    public Task<IResult> GetSectionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ArticleSections)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        articles.GetSectionsAsync(id, cancellationToken);

    [Function("GetArticleSection")]
    public Task<IResult> GetSectionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ArticleSection)] HttpRequest request,
        string id,
        string index,
        CancellationToken cancellationToken) =>
        articles.GetSectionAsync(id, index, cancellationToken);

    [Function("GetArticleText")]
    public Task<IResult> GetTextAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ArticleText)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        articles.GetTextAsync(id, cancellationToken);

    [Function("UploadArticle")]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.Articles)] HttpRequest request,
        CancellationToken cancellationToken) =>
        articles.UploadAsync(request, cancellationToken);

    [Function("DeleteArticle")]
    public Task<IResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = Routes.Article)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        articles.DeleteAsync(id, cancellationToken);
}
