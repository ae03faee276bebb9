using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Storage.Blobs;
using Spectre.Console;

namespace Ingest.Cli;

/// <summary>What every command works with: the settings, the API, and where its output goes (a human's or <c>--json</c>).</summary>
public sealed class CliContext : IDisposable
{
    private readonly HttpClient _http;

    public CliContext(CliSettings settings, bool json, TextWriter output)
    {
        Settings = settings;
        Json = json;
        Output = output;
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        _http = new HttpClient { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(100) };
        Api = new IngestApiClient(_http, settings.Key);
    }

    public CliSettings Settings { get; }

    public bool Json { get; }

    public TextWriter Output { get; }

    public IAnsiConsole Console { get; }

    public IngestApiClient Api { get; }

    /// <summary>Whether a person watches: a terminal, and no <c>--json</c>.</summary>
    public bool IsInteractive => !Json && Console.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    /// <summary>The articles container, when a storage connection is configured.</summary>
    public BlobContainerClient? Container()
    {
        if (Settings.Connection is null)
        {
            return null;
        }

        try
        {
            return new BlobContainerClient(Settings.Connection, Settings.Container);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            throw new CliException($"The storage connection string is not one ({exception.Message}); check --connection or AzureWebJobsStorage.", ExitCodes.Usage);
        }
    }

    public void WriteJson<T>(T value, JsonTypeInfo<T> type) => Output.WriteLine(JsonSerializer.Serialize(value, type));

    public void Dispose() => _http.Dispose();
}
