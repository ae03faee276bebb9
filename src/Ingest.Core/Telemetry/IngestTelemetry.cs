using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingest.Core.Telemetry;

/// <summary>
/// What Ingest tells OpenTelemetry. Traces: the <c>Ingest</c> activity source, one <c>ingest</c> span per ingestion
/// (<c>ingest.blob</c>, <c>ingest.outcome</c>, <c>ingest.articles</c>, <c>ingest.bytes</c>) with child spans
/// <c>download</c>, <c>extract</c> and <c>store</c>, the Azure SDK's own spans beneath them. Metrics: the <c>Ingest</c>
/// meter's instruments below. Hosts choose the exporters.
/// </summary>
public sealed class IngestTelemetry : IDisposable
{
    public const string Name = "Ingest";

    /// <summary>The Azure SDK's activity sources, to trace its calls beneath Ingest's spans (they need the switch below).</summary>
    public const string AzureSdkSources = "Azure.*";

    /// <summary>The AppContext switch that makes the Azure SDK publish its spans through ActivitySource.</summary>
    public const string AzureSdkActivitySwitch = "Azure.Experimental.EnableActivitySource";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>For classes built without dependency injection (tests, tools): the same instruments on a meter of its own.</summary>
    internal static IngestTelemetry Default { get; } = new();

    private readonly Meter _meter;

    public IngestTelemetry(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(Name) ?? new Meter(Name);
        Ingestions = _meter.CreateCounter<long>("ingest.ingestions", "{ingestion}", "Ingestions that reached an outcome, by outcome (ingest.outcome).");
        Duration = _meter.CreateHistogram<double>("ingest.ingestion.duration", "s", "How long one ingestion took, download to recorded outcome.");
        ExtractionDuration = _meter.CreateHistogram<double>("ingest.extraction.duration", "s", "How long extracting one file took.");
        EndToEndDuration = _meter.CreateHistogram<double>("ingest.end_to_end.duration", "s", "From the blob's last modification to its recorded outcome.");
        Bytes = _meter.CreateCounter<long>("ingest.bytes", "By", "Bytes of files read for ingestion.");
        SectionsWritten = _meter.CreateCounter<long>("ingest.sections.written", "{section}", "Sections written to storage.");
        SweepRepairs = _meter.CreateCounter<long>("ingest.sweep.repairs", "{blob}", "Blobs the sweep settled, by kind (ingest.repair: reingested, removed).");
    }

    public Counter<long> Ingestions { get; }
    public Histogram<double> Duration { get; }
    public Histogram<double> ExtractionDuration { get; }
    public Histogram<double> EndToEndDuration { get; }
    public Counter<long> Bytes { get; }
    public Counter<long> SectionsWritten { get; }
    public Counter<long> SweepRepairs { get; }

    public void Dispose() => _meter.Dispose();
}
