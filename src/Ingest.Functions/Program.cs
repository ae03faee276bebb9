using Ingest.Core.Composition;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure Functions isolated-worker app: `func start` here, or deploy. Same Core, same routes as the standalone host.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddIngestCore(builder.Configuration);
builder.Services.AddProblemDetails();

builder.Build().Run();
