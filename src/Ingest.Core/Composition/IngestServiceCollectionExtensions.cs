using Ingest.Core.Api;
using Ingest.Core.Api.Health;
using Ingest.Core.Events;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Parsing;
using Ingest.Core.Storage;
using Ingest.Core.Telemetry;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Composition;

/// <summary>The one composition root both hosts call: <c>services.AddIngestCore(configuration)</c>.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>Adds the ready check that the blob trigger listens: for a host that runs the trigger itself and reports to <see cref="TriggerStatus"/>.</summary>
    public static IServiceCollection AddTriggerHealthCheck(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TriggerStatus.Check>("trigger", tags: [HealthEndpoint.ReadyTag]);
        return services;
    }

    /// <summary>The ready checks that the blob, queue and table services answer (they need an <see cref="IngestStorage"/>).</summary>
    public static IHealthChecksBuilder AddIngestStorageChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<BlobStorageHealthCheck>("blob", tags: [HealthEndpoint.ReadyTag])
        .AddCheck<QueueStorageHealthCheck>("queue", tags: [HealthEndpoint.ReadyTag])
        .AddCheck<TableStorageHealthCheck>("table", tags: [HealthEndpoint.ReadyTag]);

    public static IServiceCollection AddIngestCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, TokenSigningKeyRequired>();

        services.AddAzureClientsCore();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var credentials = sp.GetRequiredService<AzureComponentFactory>();
            return StorageConnection.Read(configuration, IngestOptions.StorageConnectionSetting, credentials.CreateTokenCredential, out var problem)
                ?? throw new InvalidOperationException(problem);
        });
        services.TryAddSingleton(sp => new IngestStorage(sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<IngestOptions>>().Value.ExtractionLimits;
            return new ArticleExtractor(ArticleReaders.Create(limits), limits);
        });
        services.AddMetrics();
        services.AddSingleton<IngestTelemetry>();
        services.AddSingleton<ArticleEvents>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestionStore>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<IArticleIngestor>(sp => sp.GetRequiredService<ArticleIngestor>());
        services.AddSingleton<PoisonedBlobRecorder>();
        services.AddSingleton<IngestionSweeper>();
        services.AddSingleton<ArticleEndpoints>();
        services.AddSingleton<IngestionEndpoints>();
        services.AddSingleton<BlobEventsEndpoint>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<TriggerStatus>();
        services.AddHealthChecks().AddIngestStorageChecks();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
