using Azure.Monitor.OpenTelemetry.Exporter;
using Ingest.Core.Composition;
using Ingest.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

// The Azure Functions isolated-worker app: `func start` here, or deploy. Same Core, same routes as the standalone host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddIngestCore(builder.Configuration);
builder.Services.AddProblemDetails();
// Traces and metrics: the worker's invocations, Ingest's spans and meter, the Azure SDK's calls beneath them; sent to
// Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
AppContext.SetSwitch(IngestTelemetry.AzureSdkActivitySwitch, true);
var telemetry = builder.Services.AddOpenTelemetry()
    .UseFunctionsWorkerDefaults()
    .WithTracing(tracing => tracing.AddSource(IngestTelemetry.Name, IngestTelemetry.AzureSdkSources))
    .WithMetrics(metrics => metrics.AddMeter(IngestTelemetry.Name));
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry.UseAzureMonitorExporter();
}

builder.Build().Run();
