using System.Text.Json;

namespace Ingest.Functions.Tests.Functions;

/// <summary>
/// The Functions host learns the app's triggers only from the <c>functions.metadata</c> the Worker SDK writes into the
/// build output; these tests read that file, so a renamed route or a lost binding fails here, not in Azure.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(LoadMetadata);

    public static TheoryData<string, string, string, string> HttpRoutes() => new()
    {
        { "ListArticles", "articles", "get", "Anonymous" },
        { "GetArticle", "articles/{id}", "get", "Anonymous" },
        { "GetArticleSections", "articles/{id}/sections", "get", "Anonymous" },
        { "GetArticleSection", "articles/{id}/sections/{index}", "get", "Anonymous" },
        { "GetArticleText", "articles/{id}/text", "get", "Anonymous" },
        { "UploadArticle", "articles", "post", "Function" },
        { "DeleteArticle", "articles/{id}", "delete", "Function" },
        { "GetIngestions", "ingestions", "get", "Anonymous" },
        { "GetRecentIngestions", "ingestions/recent", "get", "Anonymous" },
        { "ReprocessIngestion", "ingestions/reprocess", "post", "Function" },
        { "Health", "health", "get", "Anonymous" },
        { "HealthLive", "health/live", "get", "Anonymous" },
        { "HealthReady", "health/ready", "get", "Anonymous" },
    };

    [Fact]
    public void Metadata_BlobTrigger_WatchesTheArticlesContainerThroughAzureWebJobsStorage()
    {
        var binding = Bindings("ArticleBlobTrigger").Single();

        Assert.Equal("blobTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
        Assert.Equal("%Ingest:ArticlesContainer%/{name}", binding.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", binding.GetProperty("connection").GetString());
    }

    [Fact]
    public void Metadata_EventGridBlobTrigger_WatchesTheSameContainerWithTheEventGridSource()
    {
        var binding = Bindings("ArticleBlobEventGridTrigger").Single();

        Assert.Equal("blobTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.Equal("%Ingest:ArticlesContainer%/{name}", binding.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", binding.GetProperty("connection").GetString());
    }

    [Fact]
    public void SampleSettings_DisableTheEventGridTrigger_SoAzuriteRunsThePollingOne()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Ingest.sln")))
        {
            root = root.Parent!;
        }

        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.FullName, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");

        Assert.Equal("true", values.GetProperty("AzureWebJobs.ArticleBlobEventGridTrigger.Disabled").GetString());
        Assert.False(values.TryGetProperty("AzureWebJobs.ArticleBlobTrigger.Disabled", out _));
    }

    [Theory]
    [MemberData(nameof(HttpRoutes))]
    public void Metadata_HttpFunction_HasTheContractRouteMethodAndKeyLevel(string function, string route, string method, string authLevel)
    {
        var trigger = Bindings(function).Single(b => b.GetProperty("type").GetString() == "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Metadata_PoisonTrigger_WatchesTheBlobTriggersPoisonQueue()
    {
        var binding = Bindings("PoisonedBlobTrigger").Single();

        Assert.Equal("queueTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("webjobs-blobtrigger-poison", binding.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", binding.GetProperty("connection").GetString());
    }

    [Fact]
    public void Metadata_Sweep_RunsOnTheConfiguredSchedule()
    {
        var binding = Bindings("Sweep").Single();

        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("%Ingest:SweepSchedule%", binding.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_NewBlobSweep_RunsOnItsOwnSchedule()
    {
        var binding = Bindings("NewBlobSweep").Single();

        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("%Ingest:NewBlobSweepSchedule%", binding.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_Functions_AreExactlyTheTriggersAndTheContractRoutes()
    {
        var expected = HttpRoutes().Select(row => (string)row[0]).Concat(["ArticleBlobTrigger", "ArticleBlobEventGridTrigger", "PoisonedBlobTrigger", "Sweep", "NewBlobSweep"]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Functions.Value.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    private static JsonElement.ArrayEnumerator Bindings(string function) =>
        Functions.Value.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray();

    /// <summary>The metadata of the Functions project built in the same configuration as these tests.</summary>
    private static JsonElement[] LoadMetadata()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (!File.Exists(Path.Combine(root.FullName, "Ingest.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("The tests run inside the Ingest repository.");
        }

        var path = Path.Combine(root.FullName, "src", "Ingest.Functions", "bin", configuration, framework, "functions.metadata");
        return JsonSerializer.Deserialize<JsonElement[]>(File.ReadAllText(path))!;
    }
}
