using Ingest.Cli;

// `ingest`: see `ingest --help`, and README.md ("Use it").
return await IngestCommands.Build(Environment.GetEnvironmentVariable, Console.Out, Console.Error).Parse(args).InvokeAsync();
