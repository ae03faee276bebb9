using Azure.Data.Tables;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>
/// The standalone host killed with SIGKILL in the middle of 200 files, then started again: every file must end
/// <c>succeeded</c> with exactly one article and exactly its sections, none missing, none doubled, none torn.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    private const int Files = 200;

    [Fact]
    public async Task HostKilledMidway_RestartedHostFinishesEveryFileExactlyOnce()
    {
        var options = AzuriteFixture.NewOptions();
        var hostId = "crash-" + Guid.NewGuid().ToString("N")[..12];
        var storage = new IngestStorage(azurite.ConnectionString, options);
        await storage.EnsureCreatedAsync();
        var ingestions = new IngestionStore(storage);

        var first = await HostProcess.StartAsync(azurite.ConnectionString, options, RunningHost.ApiKey, hostId);
        await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await storage.Articles.Container.GetBlobClient(Name(i)).UploadAsync(BinaryData.FromString(Content(i)), ct));
        await WaitUntilAsync(async () => (await ingestions.ListAllAsync()).Count(r => r.Status == IngestionStatus.Succeeded) >= Files / 5, TimeSpan.FromSeconds(60));
        first.Kill();
        var doneAtKill = (await ingestions.ListAllAsync()).Count(r => r.Status == IngestionStatus.Succeeded);

        await using var second = await HostProcess.StartAsync(azurite.ConnectionString, options, RunningHost.ApiKey, hostId);
        try
        {
            await WaitUntilAsync(async () => (await ingestions.ListAllAsync()).Count(r => r.Status == IngestionStatus.Succeeded) == Files, TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            var statuses = (await ingestions.ListAllAsync()).GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()}");
            throw new TimeoutException($"Statuses: {string.Join(", ", statuses)} of {Files}.{Environment.NewLine}{second.Output}");
        }

        await first.DisposeAsync();

        Assert.InRange(doneAtKill, Files / 5, Files - 1); // The kill really came mid-way.
        var articles = new ArticleStore(storage, TimeProvider.System);
        for (var i = 0; i < Files; i++)
        {
            var record = await ingestions.GetAsync(Name(i));
            var id = Assert.Single(record!.ArticleIds);
            var article = await articles.GetAsync(id);
            Assert.NotNull(article);
            Assert.Equal($"Crash Story {i}", article.Title);
            Assert.Equal(SectionCount(i), article.Sections.Count);
            Assert.Equal(Enumerable.Range(1, SectionCount(i) - 1).Select(j => $"Heading {j} Of {i}"), article.Sections.Skip(1).Select(s => s.Heading));

            // Exactly the current generation's rows and its head: no leftovers of a torn or repeated write.
            var rows = new List<TableEntity>();
            await foreach (var row in storage.SectionsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")))
            {
                rows.Add(row);
            }

            Assert.Equal(SectionCount(i) + 1, rows.Count);
            Assert.Single(rows.Where(r => r.RowKey != SectionRows.HeadRowKey(id)).Select(r => r.RowKey.Split('|')[0]).Distinct());
        }

        var (listed, _) = await articles.ListAsync(new ArticleListQuery(Top: 100, Source: Name(7)));
        Assert.Single(listed);
    }

    private static string Name(int i) => $"crash/story-{i:D3}.txt";

    private static int SectionCount(int i) => 1 + (i % 6);

    private static string Content(int i) =>
        $"Crash Story {i}\n\nBy Ann Lee\n\nLead paragraph of story {i}.\n\n"
        + string.Concat(Enumerable.Range(1, SectionCount(i) - 1).Select(j => $"Heading {j} Of {i}\n\nParagraph {j} of story {i}, long enough to read.\n\n"));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not settled within {timeout}.");
            }

            await Task.Delay(250);
        }
    }
}
