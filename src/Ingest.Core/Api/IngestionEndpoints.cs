using Ingest.Core.Api.Contracts;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Api;

/// <summary>The <c>/api/ingestions</c> routes: what happened to each dropped file, and reprocessing.</summary>
public sealed class IngestionEndpoints(IngestStorage storage, IngestionStore ingestions, TimeProvider time)
{
    private const int DefaultTop = 20;
    private const int MaxTop = 100;
    private const int MaxStampAttempts = 5;

    public static string StatusUrl(string blobName) => $"{Routes.Prefix}/{Routes.Ingestions}?blob={Uri.EscapeDataString(blobName)}";

    /// <summary><c>GET /api/ingestions?blob=…</c> or <c>GET /api/ingestions?status=…</c></summary>
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var blob = QueryValues.Text(request, "blob", out var e1);
        var status = QueryValues.Text(request, "status", out var e2);
        var top = QueryValues.Int(request, "top", 1, MaxTop, out var e3) ?? DefaultTop;
        var token = QueryValues.Text(request, "continuationToken", out var e4);
        var error = e1 ?? e2 ?? e3 ?? e4;
        if (error is null && (blob is null) == (status is null))
        {
            error = "Give exactly one of 'blob' and 'status'.";
        }

        if (error is null && status is not null && !IngestionStatus.All.Contains(status))
        {
            error = $"'status' must be one of {string.Join(", ", IngestionStatus.All)}.";
        }

        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        if (blob is not null)
        {
            var record = await ingestions.GetAsync(blob, cancellationToken);
            return record is null
                ? Problems.NotFound($"No file named '{blob}' has been seen.")
                : TypedResults.Json(ToDto(record), IngestJson.Context.IngestionDto);
        }

        var (items, next) = await ingestions.ListByStatusAsync(status!, top, token, cancellationToken);
        return TypedResults.Json(new PageDto<IngestionDto>(items.Select(ToDto).ToList(), next), IngestJson.Context.PageDtoIngestionDto);
    });

    /// <summary><c>GET /api/ingestions/recent</c>: every file's latest state, the latest run begun first (a file changed outside a run: by that change), a page at a time (an index, not a scan).</summary>
    public Task<IResult> GetRecentAsync(HttpRequest request, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var top = QueryValues.Int(request, "top", 1, MaxTop, out var e1) ?? DefaultTop;
        var token = QueryValues.Text(request, "continuationToken", out var e2);
        if ((e1 ?? e2) is { } error)
        {
            return Problems.BadRequest(error);
        }

        var (items, next) = await ingestions.ListRecentAsync(top, token, cancellationToken);
        return TypedResults.Json(new PageDto<IngestionDto>(items.Select(ToDto).ToList(), next), IngestJson.Context.PageDtoIngestionDto);
    });

    /// <summary>
    /// <c>POST /api/ingestions/reprocess?blob=…</c>: stamps the blob's metadata with a new reprocess token. That gives the
    /// blob a new ETag, so the trigger delivers it again, and the new token makes the ingestor extract it even if unchanged.
    /// </summary>
    public Task<IResult> ReprocessAsync(HttpRequest request, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        var name = QueryValues.Text(request, "blob", out var error);
        error ??= name is null ? "'blob' is required." : null;
        if (error is not null)
        {
            return Problems.BadRequest(error);
        }

        var token = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        if (!await storage.Articles.StampAsync(name!, ArticleIngestor.ReprocessMetadataKey, token, MaxStampAttempts, cancellationToken))
        {
            return Problems.NotFound($"There is no blob '{name}' in the articles container.");
        }

        return TypedResults.Json(new UploadAcceptedDto(name!, StatusUrl(name!)), IngestJson.Context.UploadAcceptedDto, statusCode: StatusCodes.Status202Accepted);
    });

    private static IngestionDto ToDto(IngestionRecord record) => new(
        record.Blob,
        record.Status,
        record.ArticleIds,
        record.Attempts,
        record.ErrorCode is null ? null : new IngestionErrorDto(record.ErrorCode, record.ErrorMessage ?? ""),
        record.BlobVersion?.ETag,
        record.UpdatedAt);
}
