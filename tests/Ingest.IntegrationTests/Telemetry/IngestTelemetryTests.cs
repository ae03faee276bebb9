using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Core.Telemetry;
using Ingest.IntegrationTests.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ingest.IntegrationTests.Telemetry;

/// <summary>One ingestion on Azurite, its spans and metrics collected in memory through the OpenTelemetry SDK.</summary>
[Collection(AzuriteTests.Name)]
public sealed class IngestTelemetryTests(AzuriteFixture azurite)
{
    private const string Content = "Telemetry Story\n\nBy Ann Lee\n\nThe first paragraph of the story.\n\nThe second paragraph.";

    [Fact]
    public async Task IngestAsync_DeliveryOfContentAlreadyIngested_IsCountedAsAlreadyDoneNotAsASecondIngestion()
    {
        // The trigger's delivery of a blob the sweep's new-blob lane ingested first: the common case in a burst.
        var metrics = new List<Metric>();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(IngestTelemetry.Name).AddInMemoryExporter(metrics).Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var telemetry = new IngestTelemetry(services.GetRequiredService<IMeterFactory>());
        var storage = await azurite.NewStorageAsync();
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), new ArticleStore(storage, TimeProvider.System), new IngestionStore(storage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance, telemetry);
        var name = $"telemetry-{Guid.NewGuid():N}.txt";
        await storage.Articles.UploadAsync(name, BinaryData.FromString(Content));

        await ingestor.IngestAsync(name);
        var again = await ingestor.IngestAsync(name);
        metering.ForceFlush();

        Assert.Equal(IngestionStatus.Succeeded, again.Status);
        Assert.Equal(1, Sum(metrics, "ingest.ingestions", ("ingest.outcome", IngestionStatus.Succeeded)));
        Assert.Equal(1, Sum(metrics, "ingest.ingestions", ("ingest.outcome", "already-done")));
        Assert.Equal(1, HistogramCount(metrics, "ingest.end_to_end.duration"));
    }

    [Fact]
    public async Task IngestAsync_OneFile_GivesASpanTreeWithTheAzureSdkBeneathAndItsMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(IngestTelemetry.Name, IngestTelemetry.AzureSdkSources).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(IngestTelemetry.Name).AddInMemoryExporter(metrics).Build();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var telemetry = new IngestTelemetry(services.GetRequiredService<IMeterFactory>());
        var storage = await azurite.NewStorageAsync();
        var ingestions = new IngestionStore(storage);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), new ArticleStore(storage, TimeProvider.System), ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance, telemetry);
        var name = $"telemetry-{Guid.NewGuid():N}.txt";
        await storage.Articles.UploadAsync(name, BinaryData.FromString(Content));

        var record = await ingestor.IngestAsync(name);
        tracing.ForceFlush();
        metering.ForceFlush();

        var root = Assert.Single(spans, s => s.Source.Name == IngestTelemetry.Name && s.OperationName == "ingest" && (string?)s.GetTagItem("ingest.blob") == name);
        Assert.Equal(IngestionStatus.Succeeded, record.Status);
        Assert.Equal(IngestionStatus.Succeeded, root.GetTagItem("ingest.outcome"));
        Assert.Equal(1, root.GetTagItem("ingest.articles"));
        Assert.Equal((long)System.Text.Encoding.UTF8.GetByteCount(Content), root.GetTagItem("ingest.bytes"));
        var children = spans.Where(s => s.ParentSpanId == root.SpanId).ToList();
        Assert.Equal(["download", "extract", "store"], children.Where(s => s.Source.Name == IngestTelemetry.Name).Select(s => s.OperationName).Order(StringComparer.Ordinal));
        Assert.Contains(children, s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal)); // the record reads and writes
        foreach (var stage in (string[])["download", "store"])
        {
            var span = children.Single(s => s.OperationName == stage);
            Assert.Contains(spans, s => s.ParentSpanId == span.SpanId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
        }

        Assert.Equal(1, Sum(metrics, "ingest.ingestions", ("ingest.outcome", IngestionStatus.Succeeded)));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(Content), Sum(metrics, "ingest.bytes"));
        Assert.True(Sum(metrics, "ingest.sections.written") >= 1);
        foreach (var histogram in (string[])["ingest.ingestion.duration", "ingest.extraction.duration", "ingest.end_to_end.duration"])
        {
            Assert.Equal(1, HistogramCount(metrics, histogram));
        }
    }

    private static long Sum(List<Metric> metrics, string name, (string Key, string Value)? tag = null)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (tag is null || HasTag(point, tag.Value))
                {
                    sum += point.GetSumLong();
                }
            }
        }

        return sum;
    }

    private static long HistogramCount(List<Metric> metrics, string name)
    {
        long count = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                count += point.GetHistogramCount();
            }
        }

        return count;
    }

    private static bool HasTag(MetricPoint point, (string Key, string Value) tag)
    {
        foreach (var pair in point.Tags)
        {
            if (pair.Key == tag.Key && Equals(pair.Value, tag.Value))
            {
                return true;
            }
        }

        return false;
    }
}
