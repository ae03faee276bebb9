using Ingest.Core.Composition;
using Ingest.Host;
using Ingest.Core.Telemetry;
using Ingest.Host.Api;
using Ingest.Host.Api.OpenApi;
using Ingest.Host.Development;
using Ingest.Host.Triggers;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

// The standalone host: ASP.NET Core for the HTTP API and the WebJobs SDK for the blob trigger,
// the same trigger engine the Azure Functions host runs. See README.md.
if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

// The console's files (wwwroot) are copied beside the binaries, so the web root is found however the host is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(StartupBanner.DefaultUrl);
}

// In Development with the emulator's connection string and no emulator running, run Azurite from the repository.
var azurite = await EmbeddedAzurite.StartIfNeededAsync(builder.Configuration, builder.Environment);

builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss ";
});
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
builder.Services.AddIngestCore(builder.Configuration);
StandaloneHostOptions.AddTo(builder.Services, builder.Configuration);
builder.Services.AddTriggerHealthCheck();
// Traces and metrics: Ingest's own, the Azure SDK's beneath them, ASP.NET Core's; exported over OTLP when
// OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OpenTelemetry variables configure the rest).
AppContext.SetSwitch(IngestTelemetry.AzureSdkActivitySwitch, true);
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("ingest-host"))
    .WithTracing(tracing => tracing.AddSource(IngestTelemetry.Name, IngestTelemetry.AzureSdkSources).AddAspNetCoreInstrumentation())
    .WithMetrics(metrics => metrics.AddMeter(IngestTelemetry.Name).AddAspNetCoreInstrumentation());
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    telemetry.UseOtlpExporter();
}
builder.Services.AddProblemDetails();
// The API description: /openapi/v1.json, and a reader for it at /api/docs (Scalar).
builder.Services.AddOpenApi(openApi => openApi
    .AddDocumentTransformer<IngestOpenApiTransformers>()
    .AddOperationTransformer<IngestOpenApiTransformers>());
// The blob trigger: the WebJobs SDK, the engine the Functions host runs, in a job host this service supervises.
builder.Services.AddHostedService<TriggerHost>();
builder.Services.AddHostedService<SweepService>();
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddHostedService<SeedLoader>();
}

var app = builder.Build();
if (RowKeyMigrationCommand.IsRequested(args))
{
    var exitCode = await RowKeyMigrationCommand.RunAsync(app.Services, CancellationToken.None);
    if (azurite is not null)
    {
        await azurite.DisposeAsync();
    }

    return exitCode;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
// The console at / (wwwroot/index.html): a page over the same HTTP API.
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapIngestApi();
app.MapOpenApi();
app.MapScalarApiReference("/api/docs", scalar => scalar.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(
    app.Urls,
    app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.ArticlesContainer,
    EmbeddedAzurite.UsesDevelopmentStorage(app.Configuration)));
if (azurite is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

await app.RunAsync();
return 0;
