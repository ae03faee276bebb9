using System.Text.Json;

namespace Ingest.Cli;

/// <summary>
/// Where the CLI finds Ingest: the API's URL and key, and the storage connection for direct uploads. Each comes from
/// the first of: its flag, its environment variable (<c>INGEST_URL</c>, <c>INGEST_KEY</c>, <c>AzureWebJobsStorage</c>,
/// <c>INGEST_CONTAINER</c>), the chosen profile, the default (a standalone host on this machine).
/// </summary>
public sealed record CliSettings(Uri Url, string? Key, string? Connection, string Container)
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string DefaultContainer = "articles";

    /// <summary>The profiles file: <c>INGEST_PROFILES</c>, else <c>~/.config/ingest/profiles.json</c>.</summary>
    public static string ProfilesPath(Func<string, string?> environment) =>
        environment("INGEST_PROFILES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "ingest", "profiles.json");

    /// <param name="flags">What the command line gave (null where a flag was not used).</param>
    /// <param name="profileName">The profile to read (<c>--profile</c> or <c>INGEST_PROFILE</c>); "default" is read when present.</param>
    public static CliSettings Resolve(Profile flags, string? profileName, Func<string, string?> environment)
    {
        var profile = ReadProfile(ProfilesPath(environment), profileName ?? environment("INGEST_PROFILE"));
        var url = flags.Url ?? environment("INGEST_URL") ?? profile?.Url ?? DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"'{url}' is not an http(s) URL of an Ingest host (--url, INGEST_URL).", ExitCodes.Usage);
        }

        return new CliSettings(
            uri,
            NullIfEmpty(flags.Key ?? environment("INGEST_KEY") ?? profile?.Key),
            NullIfEmpty(flags.Connection ?? environment("AzureWebJobsStorage") ?? profile?.Connection),
            NullIfEmpty(flags.Container ?? environment("INGEST_CONTAINER") ?? profile?.Container) ?? DefaultContainer);
    }

    private static Profile? ReadProfile(string path, string? name)
    {
        if (!File.Exists(path))
        {
            return name is null ? null : throw new CliException($"There is no profiles file at {path} to read profile '{name}' from.", ExitCodes.Usage);
        }

        Dictionary<string, Profile>? profiles;
        try
        {
            profiles = JsonSerializer.Deserialize(File.ReadAllText(path), CliJson.Default.DictionaryStringProfile);
        }
        catch (JsonException exception)
        {
            throw new CliException($"{path} is not a profiles file: {exception.Message}", ExitCodes.Usage);
        }

        if (profiles is null)
        {
            return null;
        }

        if (name is null)
        {
            return profiles.GetValueOrDefault("default");
        }

        return profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new CliException($"{path} has no profile '{name}' (it has: {string.Join(", ", profiles.Keys)}).", ExitCodes.Usage);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>One profile of <c>profiles.json</c> (<c>{ "name": { "url": …, "key": …, "connection": …, "container": … } }</c>), or the flags.</summary>
public sealed record Profile(string? Url = null, string? Key = null, string? Connection = null, string? Container = null);
