using Ingest.Core.Api;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Parsing;
using Ingest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Composition;

/// <summary>The one composition root both hosts call: <c>services.AddIngestCore(configuration)</c>.</summary>
public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngestCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            .Configure(options => options.StorageConnectionString ??= configuration[IngestOptions.StorageConnectionSetting])
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            return new IngestStorage(options.StorageConnectionString!, options);
        });
        services.AddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<IngestOptions>>().Value.ExtractionLimits;
            return new ArticleExtractor(ArticleReaders.Create(limits), limits);
        });
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestionStore>();
        services.AddSingleton<ArticleIngestor>();
        services.AddSingleton<IArticleIngestor>(sp => sp.GetRequiredService<ArticleIngestor>());
        services.AddSingleton<PoisonedBlobRecorder>();
        services.AddSingleton<IngestionSweeper>();
        services.AddSingleton<ArticleEndpoints>();
        services.AddSingleton<IngestionEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
