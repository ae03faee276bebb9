using Ingest.Core.Composition;
using Ingest.Core.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Tests.Composition;

public sealed class IngestOptionsTests
{
    internal static IServiceProvider Build(Dictionary<string, string?> settings, string environment = "Development") =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddIngestCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void AddIngestCore_LimitsFromConfiguration_ReachTheExtractor()
    {
        var services = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Ingest:MaxNestingDepth"] = "40",
            ["Ingest:MaxJsonDepth"] = "16",
            ["Ingest:MaxFrontMatterChars"] = "1000",
            ["Ingest:MaxArticlesPerFile"] = "3",
        });

        var options = services.GetRequiredService<IOptions<IngestOptions>>().Value;
        var extractor = services.GetRequiredService<ArticleExtractor>();
        var fourArticles = System.Text.Encoding.UTF8.GetBytes("[{\"title\":\"a\"},{\"title\":\"b\"},{\"title\":\"c\"},{\"title\":\"d\"}]");

        Assert.Equal(new ExtractionLimits(40, 16, 1000, 3), options.ExtractionLimits);
        Assert.Equal(Model.ExtractionErrorCodes.TooManyArticles, extractor.Extract(fourArticles, "feed.json").Error?.Code);
    }

    [Theory]
    [InlineData("Ingest:ArticlesContainer", "Not_A_Container")]
    [InlineData("Ingest:ArticlesTable", "1table")]
    [InlineData("Ingest:MaxJsonDepth", "2")]
    [InlineData("Ingest:TokenSigningKey", "too short")]
    public void AddIngestCore_InvalidSetting_FailsValidation(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", [key] = value };

        Assert.Throws<OptionsValidationException>(() => Build(settings).GetRequiredService<IOptions<IngestOptions>>().Value);
    }
}
