using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ingest.Core.Api;
using Ingest.Core.Api.Contracts;

namespace Ingest.Cli;

/// <summary>The HTTP API (../shared/contract/http-api.md) as the CLI calls it; a problem answer becomes a <see cref="CliException"/>.</summary>
public sealed class IngestApiClient(HttpClient http, string? key)
{
    public Uri BaseAddress => http.BaseAddress!;

    public async Task<IngestionDto?> GetIngestionAsync(string blob, CancellationToken ct) =>
        await GetAsync($"{Routes.Prefix}/{Routes.Ingestions}?blob={Uri.EscapeDataString(blob)}", IngestJson.Context.IngestionDto, allowNotFound: true, ct);

    public async Task<PageDto<IngestionDto>> GetRecentAsync(int top, CancellationToken ct) =>
        (await GetAsync($"{Routes.Prefix}/{Routes.RecentIngestions}?top={top}", IngestJson.Context.PageDtoIngestionDto, allowNotFound: false, ct))!;

    public async Task<PageDto<ArticleSummaryDto>> ListArticlesAsync(string query, CancellationToken ct) =>
        (await GetAsync($"{Routes.Prefix}/{Routes.Articles}{query}", IngestJson.Context.PageDtoArticleSummaryDto, allowNotFound: false, ct))!;

    public async Task<ArticleDto?> GetArticleAsync(string id, CancellationToken ct) =>
        await GetAsync($"{Routes.Prefix}/{Routes.Articles}/{Uri.EscapeDataString(id)}", IngestJson.Context.ArticleDto, allowNotFound: true, ct);

    /// <summary>Uploads a file through <c>POST /api/articles</c>; gives the ETag of the version written.</summary>
    public async Task<string?> UploadAsync(string blob, Stream content, CancellationToken ct)
    {
        using var request = Write(HttpMethod.Post, $"{Routes.Prefix}/{Routes.Articles}?name={Uri.EscapeDataString(blob)}");
        request.Content = new StreamContent(content);
        using var response = await SendAsync(request, ct);
        return (await response.Content.ReadFromJsonAsync(IngestJson.Context.UploadAcceptedDto, ct))?.ETag;
    }

    /// <summary><c>POST /api/ingestions/reprocess</c>: false when there is no such blob.</summary>
    public async Task<bool> ReprocessAsync(string blob, CancellationToken ct)
    {
        using var request = Write(HttpMethod.Post, $"{Routes.Prefix}/{Routes.Reprocess}?blob={Uri.EscapeDataString(blob)}");
        using var response = await SendAsync(request, ct, allowNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary><c>DELETE /api/articles/{id}</c>: false when there is no such article.</summary>
    public async Task<bool> DeleteArticleAsync(string id, CancellationToken ct)
    {
        using var request = Write(HttpMethod.Delete, $"{Routes.Prefix}/{Routes.Articles}/{Uri.EscapeDataString(id)}");
        using var response = await SendAsync(request, ct, allowNotFound: true);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private HttpRequestMessage Write(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add(ApiKeyCheck.HeaderName, key);
        }

        return request;
    }

    private async Task<T?> GetAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool allowNotFound, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await SendAsync(request, ct, allowNotFound);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync(type, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct, bool allowNotFound = false)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"Ingest at {http.BaseAddress} did not answer ({exception.Message}). Is the host running? (--url, INGEST_URL)", ExitCodes.Unavailable);
        }

        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var detail = await ProblemDetailAsync(response, ct);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new CliException($"{detail} Give the function key: --key or INGEST_KEY.", ExitCodes.Unavailable),
                HttpStatusCode.NotFound => new CliException(detail, ExitCodes.NotFound),
                HttpStatusCode.BadRequest => new CliException(detail, ExitCodes.Usage),
                _ => new CliException($"Ingest answered {(int)response.StatusCode}: {detail}", ExitCodes.Unavailable),
            };
        }
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            foreach (var field in (string[])["detail", "title"])
            {
                if (problem.RootElement.TryGetProperty(field, out var value) && value.GetString() is { Length: > 0 } text)
                {
                    return text;
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
