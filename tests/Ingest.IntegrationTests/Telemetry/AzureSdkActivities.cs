using System.Runtime.CompilerServices;
using Ingest.Core.Telemetry;

namespace Ingest.IntegrationTests.Telemetry;

/// <summary>The Azure SDK reads its activity-source switch once per process: set it before any client exists, as the hosts do.</summary>
internal static class AzureSdkActivities
{
    [ModuleInitializer]
    internal static void Enable() => AppContext.SetSwitch(IngestTelemetry.AzureSdkActivitySwitch, true);
}
