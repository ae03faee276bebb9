namespace Ingest.Core.Composition;

/// <summary>The values of <see cref="IngestOptions.BlobTriggerSource"/>, as the Functions blob trigger names its sources.</summary>
public static class BlobTriggerSources
{
    public const string Polling = "Polling";
    public const string EventGrid = "EventGrid";
}
