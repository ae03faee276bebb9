using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace Ingest.Core.Storage;

/// <summary>
/// How Ingest reaches its storage account, read from the <c>AzureWebJobsStorage</c> setting the way Azure Functions
/// reads it: either a connection string (Azurite, shared keys), or an identity-based connection — the section's
/// <c>accountName</c>, or its <c>blobServiceUri</c>, <c>queueServiceUri</c> and <c>tableServiceUri</c> — with a
/// token credential (by default <c>DefaultAzureCredential</c>; <c>credential=managedidentity</c> and <c>clientId</c>
/// pick a managed identity, as in Functions).
/// </summary>
public sealed record StorageConnection
{
    /// <summary>Set for a connection-string connection; a secret, never logged.</summary>
    public string? ConnectionString { get; private init; }

    public Uri? BlobServiceUri { get; private init; }
    public Uri? QueueServiceUri { get; private init; }
    public Uri? TableServiceUri { get; private init; }

    /// <summary>Set for an identity-based connection.</summary>
    public TokenCredential? Credential { get; private init; }

    public bool UsesIdentity => ConnectionString is null;

    public static StorageConnection FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new StorageConnection { ConnectionString = connectionString };
    }

    public static StorageConnection FromIdentity(Uri blobServiceUri, Uri queueServiceUri, Uri tableServiceUri, TokenCredential credential) => new()
    {
        BlobServiceUri = blobServiceUri,
        QueueServiceUri = queueServiceUri,
        TableServiceUri = tableServiceUri,
        Credential = credential,
    };

    /// <summary>
    /// Reads the connection named <paramref name="settingName"/>; returns null with a message saying what to set when it
    /// is missing or incomplete.
    /// </summary>
    /// <param name="createCredential">Builds the token credential from the connection's section (its <c>credential</c>, <c>clientId</c>… keys).</param>
    public static StorageConnection? Read(IConfiguration configuration, string settingName, Func<IConfigurationSection, TokenCredential> createCredential, out string? problem)
    {
        problem = null;
        var section = configuration.GetSection(settingName);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var accountName = section["accountName"];
        Uri? blob, queue, table;
        try
        {
            blob = ServiceUri(section, "blobServiceUri", accountName, "blob") ?? ServiceUri(section, "serviceUri", accountName: null, "blob");
            queue = ServiceUri(section, "queueServiceUri", accountName, "queue");
            table = ServiceUri(section, "tableServiceUri", accountName, "table");
        }
        catch (UriFormatException exception)
        {
            problem = $"{settingName}: a service URI is not an absolute URI ({exception.Message}).";
            return null;
        }

        if (blob is null && queue is null && table is null)
        {
            problem = $"Set {settingName} to a storage connection string (UseDevelopmentStorage=true for Azurite), or {settingName}__accountName "
                + $"(or {settingName}__blobServiceUri, __queueServiceUri and __tableServiceUri) to connect with an identity.";
            return null;
        }

        var missing = new[] { ("blobServiceUri", blob), ("queueServiceUri", queue), ("tableServiceUri", table) }.Where(s => s.Item2 is null).Select(s => $"{settingName}__{s.Item1}").ToList();
        if (missing.Count > 0)
        {
            problem = $"An identity-based {settingName} needs the blob, queue and table services: set {string.Join(", ", missing)}, or {settingName}__accountName.";
            return null;
        }

        return FromIdentity(blob!, queue!, table!, createCredential(section));
    }

    /// <summary>What the connection points at, without secrets: for start-up logs.</summary>
    public string Describe() => UsesIdentity
        ? $"identity-based connection to {BlobServiceUri}, {QueueServiceUri}, {TableServiceUri}"
        : "connection string";

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? accountName, string service)
    {
        if (section[key] is { Length: > 0 } uri)
        {
            return new Uri(uri, UriKind.Absolute);
        }

        return string.IsNullOrWhiteSpace(accountName) ? null : new Uri($"https://{accountName}.{service}.core.windows.net");
    }
}
