using Azure;
using Ingest.Core.Api.Contracts;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Api;

/// <summary>
/// The Event Grid source of the blob trigger in the standalone host, at the webhook the Functions host uses:
/// <c>/runtime/webhooks/blobs?functionName=Host.Functions.ArticleBlobEventGridTrigger&amp;code={blobs extension key}</c>.
/// Answers both subscription handshakes, then acts on each event of a delivery in order: <c>BlobCreated</c> ingests
/// the blob before answering; <c>BlobDeleted</c>, once a point read confirms the blob is gone, removes its articles and
/// record. Any failure that may pass answers 503, so Event Grid delivers again (every step is safe to repeat).
/// </summary>
public sealed partial class BlobEventsEndpoint(
    IngestStorage storage,
    IArticleIngestor ingestor,
    ArticleStore articles,
    IngestionStore ingestions,
    IOptions<IngestOptions> options,
    ILogger<BlobEventsEndpoint> logger)
{
    /// <summary>The Functions app's Event Grid blob trigger: the name its webhook is addressed by.</summary>
    public const string FunctionName = "Host.Functions.ArticleBlobEventGridTrigger";

    /// <summary>Event Grid sends at most 1 MB per delivery; a little more is allowed for framing.</summary>
    private const int MaxBodyBytes = 1_100_000;

    /// <summary><c>OPTIONS</c>: the CloudEvents webhook handshake.</summary>
    public IResult Handshake(HttpRequest request)
    {
        if (Refusal(request) is { } refusal)
        {
            return refusal;
        }

        var origin = request.Headers["WebHook-Request-Origin"].ToString();
        request.HttpContext.Response.Headers["WebHook-Allowed-Origin"] = string.IsNullOrEmpty(origin) ? "*" : origin;
        request.HttpContext.Response.Headers.Allow = "POST, OPTIONS";
        return TypedResults.Ok();
    }

    /// <summary><c>POST</c>: a delivery of one or more events, Event Grid schema or CloudEvents.</summary>
    public Task<IResult> DeliverAsync(HttpRequest request, CancellationToken cancellationToken) => ProblemBoundary.RunAsync(async () =>
    {
        if (Refusal(request) is { } refusal)
        {
            return refusal;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.PayloadTooLarge($"An Event Grid delivery has at most {MaxBodyBytes} bytes.");
        }

        IReadOnlyList<BlobEvent> events;
        try
        {
            events = BlobEvent.ParseMany(await BinaryData.FromStreamAsync(request.Body, cancellationToken));
        }
        catch (FormatException exception)
        {
            return Problems.BadRequest(exception.Message);
        }

        foreach (var blobEvent in events)
        {
            switch (blobEvent)
            {
                case BlobEvent.Validation validation:
                    LogValidated(logger);
                    return TypedResults.Json(new EventGridValidationDto(validation.Code), IngestJson.Context.EventGridValidationDto);
                case BlobEvent.Created created when IsOurs(created.Container):
                    await ingestor.IngestAsync(created.BlobName, cancellationToken);
                    break;
                case BlobEvent.Deleted deleted when IsOurs(deleted.Container):
                    await ForgetIfGoneAsync(deleted.BlobName, cancellationToken);
                    break;
                default:
                    break; // Another container, or an event the trigger does not act on.
            }
        }

        return TypedResults.Ok();
    });

    private bool IsOurs(string container) => string.Equals(container, storage.Articles.ContainerName, StringComparison.Ordinal);

    private async Task ForgetIfGoneAsync(string blobName, CancellationToken cancellationToken)
    {
        if (await storage.Articles.CurrentVersionAsync(blobName, cancellationToken) is not null)
        {
            return; // Written again since: its own BlobCreated event, or the sweep, will have it.
        }

        var record = await ingestions.GetAsync(blobName, cancellationToken);
        await DeletedBlobRows.RemoveAsync(articles, ingestions, blobName, record, ETag.All, [], cancellationToken);
    }

    private ProblemHttpResult? Refusal(HttpRequest request)
    {
        var key = options.Value.BlobsExtensionKey;
        if (options.Value.BlobTriggerSource != BlobTriggerSources.EventGrid || string.IsNullOrEmpty(key))
        {
            return Problems.NotFound("This host's blob trigger does not take Event Grid deliveries (Ingest:BlobTriggerSource, Ingest:BlobsExtensionKey).");
        }

        if (!string.Equals(request.Query["functionName"], FunctionName, StringComparison.Ordinal))
        {
            return Problems.NotFound($"There is no Event Grid blob trigger named '{request.Query["functionName"]}'; this host's is '{FunctionName}'.");
        }

        return ApiKeyCheck.IsAuthorized(request, key, isDevelopment: false)
            ? null
            : Problems.Unauthorized("An Event Grid delivery needs the blobs extension key (the code query parameter).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered an Event Grid subscription validation")]
    private static partial void LogValidated(ILogger logger);
}
