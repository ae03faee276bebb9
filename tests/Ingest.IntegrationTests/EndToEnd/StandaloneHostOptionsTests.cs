using Ingest.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>The standalone host's own settings: bound from the Ingest section beside Core's, validated at start-up.</summary>
public sealed class StandaloneHostOptionsTests
{
    [Fact]
    public void Settings_FromTheIngestSection_AreTheHosts()
    {
        var options = Build(new() { ["Ingest:HostId"] = "scale-out-1", ["Ingest:ApiKey"] = "k", ["Ingest:SweepInterval"] = "00:00:05" });

        Assert.Equal(("scale-out-1", "k", TimeSpan.FromSeconds(5)), (options.HostId, options.ApiKey, options.SweepInterval));
    }

    [Theory]
    [InlineData("Ingest:HostId", "Upper Case")]
    [InlineData("Ingest:SweepInterval", "00:00:00")]
    public void InvalidSetting_FailsValidation(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Build(new() { [key] = value }));

    private static StandaloneHostOptions Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        StandaloneHostOptions.AddTo(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider().GetRequiredService<IOptions<StandaloneHostOptions>>().Value;
    }
}
