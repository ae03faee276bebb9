using System.ComponentModel.DataAnnotations;
using Ingest.Core.Extraction;

namespace Ingest.Core.Composition;

/// <summary>
/// Every setting of Ingest, bound from the <c>Ingest</c> configuration section
/// (<c>Ingest__ArticlesContainer</c> in environment variables and local.settings.json) and
/// validated at start-up. The storage connection comes from <c>AzureWebJobsStorage</c>, as in
/// Azure Functions (<see cref="Storage.StorageConnection"/>).
/// </summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>The setting both hosts read the storage connection from, as Azure Functions does: a connection string, or a section for an identity.</summary>
    public const string StorageConnectionSetting = "AzureWebJobsStorage";

    // Blob container names: 3-63 lower-case letters, digits and single dashes.
    private const string ContainerNamePattern = "^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$";

    // Table names: 3-63 letters and digits, starting with a letter.
    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";

    /// <summary>
    /// The secret continuation tokens are signed with (HMAC-SHA256): at least 32 characters, the same on every host of a
    /// deployment; in Azure, a Key Vault reference. Required outside Development; there, without it, a connection
    /// string's own secret is used.
    /// </summary>
    [MinLength(32, ErrorMessage = "Ingest:TokenSigningKey must be at least 32 characters.")]
    public string? TokenSigningKey { get; set; }

    [Required, RegularExpression(ContainerNamePattern)]
    public string ArticlesContainer { get; set; } = "articles";

    [Required, RegularExpression(TableNamePattern)]
    public string ArticlesTable { get; set; } = "Articles";

    [Required, RegularExpression(TableNamePattern)]
    public string SectionsTable { get; set; } = "Sections";

    [Required, RegularExpression(TableNamePattern)]
    public string IngestionsTable { get; set; } = "Ingestions";

    /// <summary>Index rows of the Ingestions table: by status, and newest first (<see cref="Storage.IngestionIndex"/>).</summary>
    [Required, RegularExpression(TableNamePattern)]
    public string IngestionIndexTable { get; set; } = "IngestionIndex";

    /// <summary>
    /// Where the standalone host's blob trigger learns of new and deleted blobs: <c>Polling</c> (the default; scans the
    /// container, works on Azurite) or <c>EventGrid</c> (deliveries to <c>/runtime/webhooks/blobs</c>, keyed by
    /// <see cref="BlobsExtensionKey"/>; no scan). The Functions app chooses by which of its two trigger functions is enabled.
    /// </summary>
    [AllowedValues(BlobTriggerSources.Polling, BlobTriggerSources.EventGrid)]
    public string BlobTriggerSource { get; set; } = BlobTriggerSources.Polling;

    /// <summary>The standalone host's blobs extension system key: Event Grid deliveries must carry it (<c>code</c>).</summary>
    public string? BlobsExtensionKey { get; set; }

    /// <summary>The largest file accepted, by upload and by the trigger alike (10 MiB by default).</summary>
    [Range(1, 1L << 30)]
    public long MaxBlobBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>
    /// Bytes of files one host holds in memory at once, over all ingestions and uploads (<see cref="Storage.MemoryBudget"/>):
    /// processing a file takes many times its size, so this bounds the host's memory under a burst of large files.
    /// </summary>
    [Range(1L * 1024 * 1024, 64L * 1024 * 1024 * 1024)]
    public long MaxFileBytesInMemory { get; set; } = 16L * 1024 * 1024;

    /// <summary>HTML elements or Markdown blocks nested deeper than this are not read.</summary>
    [Range(8, 10_000)]
    public int MaxNestingDepth { get; set; } = ExtractionLimits.Default.MaxNestingDepth;

    /// <summary>JSON nested deeper than this is a malformed file.</summary>
    [Range(8, 1_000)]
    public int MaxJsonDepth { get; set; } = ExtractionLimits.Default.MaxJsonDepth;

    /// <summary>Markdown front matter longer than this, or never closed, is read as body text.</summary>
    [Range(256, 10_000_000)]
    public int MaxFrontMatterChars { get; set; } = ExtractionLimits.Default.MaxFrontMatterChars;

    /// <summary>A JSON file holding more articles than this fails as a whole.</summary>
    [Range(1, 100_000)]
    public int MaxArticlesPerFile { get; set; } = ExtractionLimits.Default.MaxArticlesPerFile;

    public ExtractionLimits ExtractionLimits => new(MaxNestingDepth, MaxJsonDepth, MaxFrontMatterChars, MaxArticlesPerFile);

    /// <summary>
    /// How many blobs and how many ingestion records one sweep tick looks at, at most. A container larger than that is
    /// swept over several ticks, each going on from where the last stopped (the checkpoint is kept on the sweep lease blob).
    /// </summary>
    [Range(1, 1_000_000)]
    public int SweepBlobsPerTick { get; set; } = 5_000;

    /// <summary>
    /// The storage queue every change to the article set is published to as a CloudEvent (<c>ingest.article.created</c>,
    /// <c>.updated</c>, <c>.deleted</c>; <see cref="Events.ArticleEvents"/>). Empty: no events, and no outbox rows.
    /// </summary>
    [RegularExpression("^$|" + ContainerNamePattern)] // queue names follow the container rules
    public string ArticleEventsQueue { get; set; } = "article-events";

    /// <summary>
    /// An event not published right after its write (the host died, the queue was away) is published by the sweep once
    /// its outbox row is this old, so the sweep does not race the writer's own publish.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ArticleEventsGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An Event Grid topic (CloudEvents schema) to publish article events to instead of the queue: its endpoint, e.g.
    /// <c>https://ingest-events.westeurope-1.eventgrid.azure.net/api/events</c>. Authenticated with
    /// <see cref="ArticleEventsTopicKey"/>, else with the storage connection's identity (EventGrid Data Sender role).
    /// </summary>
    public Uri? ArticleEventsTopic { get; set; }

    /// <summary>The topic's access key; a Key Vault reference in Azure.</summary>
    public string? ArticleEventsTopicKey { get; set; }

    /// <summary>Where the API is reached from outside (<c>https://ingest.example.com</c>): events then carry the article's absolute URL, else <c>/api/articles/{id}</c>.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The container holding the sweep's lease blob, so that one sweeper at a time runs across all hosts on the account.</summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string LeasesContainer { get; set; } = "ingest-leases";

    /// <summary>
    /// A blob whose ingestion has said "processing" this long is taken as abandoned (its host crashed; the trigger would
    /// only redeliver it after its queue message's visibility runs out, about ten minutes) and is ingested again by the sweep.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StuckProcessingAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A blob whose current content has had no ingestion record this long is ingested by the sweep: within seconds by its
    /// new-blob lane (<see cref="Ingestion.IngestionSweeper.SweepNewBlobsAsync"/>), else by the next full sweep. The
    /// polling trigger's scan hands a burst out one blob at a time, and never sees some blobs of it (it looks only at blobs
    /// modified after the newest its last scan saw, and an upload is stamped when it begins, so one that ends after a scan
    /// is older than that mark); this bounds how long a file waits for it. A few seconds: the trigger (and Event Grid, in
    /// production) gets the first turn, and a blob both start on is fenced by ETags, only extracted twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan UnrecordedAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The poison queue is one per storage account: a message there about another container is another app's. It is put
    /// back, hidden this long so its owner's handler gets the next turn, and living no longer than the original would have.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PoisonReturnDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Retries of a storage call that failed for a transient reason (408, 429, 500, 503, timeouts), with exponential back-off and jitter.</summary>
    [Range(0, 10)]
    public int StorageRetries { get; set; } = 4;

    /// <summary>The first back-off of a storage retry; later ones double.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan StorageRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one storage call may take before it counts as a transient failure.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
