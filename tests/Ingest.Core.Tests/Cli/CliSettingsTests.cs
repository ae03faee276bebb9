using Ingest.Cli;

namespace Ingest.Core.Tests.Cli;

/// <summary>Where <c>ingest</c> finds the host: flag, then environment, then profile, then the default.</summary>
public sealed class CliSettingsTests : IDisposable
{
    private readonly string _profiles = Path.Combine(Path.GetTempPath(), $"ingest-profiles-{Guid.NewGuid():N}.json");
    private readonly Dictionary<string, string?> _environment = [];

    public CliSettingsTests() => _environment["INGEST_PROFILES"] = _profiles;

    [Fact]
    public void Nothing_Given_IsTheLocalHostAndTheArticlesContainer()
    {
        var settings = Resolve(new Profile());

        Assert.Equal(new Uri("http://127.0.0.1:7071"), settings.Url);
        Assert.Null(settings.Key);
        Assert.Null(settings.Connection);
        Assert.Equal("articles", settings.Container);
    }

    [Fact]
    public void Flag_BeatsEnvironment_BeatsProfile()
    {
        File.WriteAllText(_profiles, """{ "default": { "url": "http://profile:1", "key": "profile-key", "connection": "profile-conn", "container": "profiled" } }""");
        _environment["INGEST_URL"] = "http://env:2";
        _environment["INGEST_KEY"] = "env-key";

        var settings = Resolve(new Profile(Url: "http://flag:3"));

        Assert.Equal(new Uri("http://flag:3"), settings.Url);
        Assert.Equal("env-key", settings.Key);
        Assert.Equal("profile-conn", settings.Connection);
        Assert.Equal("profiled", settings.Container);
    }

    [Fact]
    public void NamedProfile_FromTheEnvironment_IsRead()
    {
        File.WriteAllText(_profiles, """{ "default": { "url": "http://default:1" }, "prod": { "url": "https://prod.example:443", "key": "k" } }""");
        _environment["INGEST_PROFILE"] = "prod";

        var settings = Resolve(new Profile());

        Assert.Equal(new Uri("https://prod.example"), settings.Url);
        Assert.Equal("k", settings.Key);
    }

    [Fact]
    public void UnknownProfile_IsAUsageErrorNamingTheOnesThereAre()
    {
        File.WriteAllText(_profiles, """{ "default": {}, "prod": {} }""");

        var error = Assert.Throws<CliException>(() => CliSettings.Resolve(new Profile(), "staging", Environment));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("no profile 'staging' (it has: default, prod)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:7071")]
    [InlineData("ftp://host/")]
    [InlineData("not a url")]
    public void NotAnHttpUrl_IsAUsageError(string url)
    {
        var error = Assert.Throws<CliException>(() => Resolve(new Profile(Url: url)));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }

    public void Dispose() => File.Delete(_profiles);

    private CliSettings Resolve(Profile flags) => CliSettings.Resolve(flags, null, Environment);

    private string? Environment(string name) => _environment.GetValueOrDefault(name);
}
