using System.Net;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.Host.Development;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>
/// Storage goes away for 15 s while 100 files are being ingested, then comes back: the standalone host must live through
/// it (the WebJobs SDK's default is to end the process) and every file must end <c>succeeded</c>.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class StorageOutageTests
{
    private const int Files = 100;

    [Fact]
    public async Task StorageDownFifteenSeconds_HostSurvivesAndEveryFileSucceeds()
    {
        var root = RepositoryRoot.Find()!;
        var data = Directory.CreateTempSubdirectory("ingest-outage-").FullName;
        var azurite = await LocalAzurite.StartAsync(root, data, (0, 0, 0));
        var ports = (azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        var connection = azurite.ConnectionString;
        try
        {
            var options = AzuriteFixture.NewOptions();
            var storage = new IngestStorage(connection, options);
            await storage.EnsureCreatedAsync();
            await using var host = await HostProcess.StartAsync(connection, options, RunningHost.ApiKey, "outage-" + Guid.NewGuid().ToString("N")[..12]);
            await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await storage.Articles.Container.GetBlobClient($"outage/story-{i:D3}.txt").UploadAsync(BinaryData.FromString($"Outage Story {i}\n\nParagraph of story {i}."), ct));

            var ingestions = new IngestionStore(storage);
            var started = DateTime.UtcNow;
            while ((await ingestions.ListAllAsync()).Count(r => r.Status == IngestionStatus.Succeeded) < Files / 10 && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            // Mid-way: some files are done, the rest are queued or being worked on.
            var readyBefore = await StatusOfAsync(host, "/api/health/ready");
            await azurite.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(15));
            var (liveDuring, readyDuring) = (await StatusOfAsync(host, "/api/health/live"), await StatusOfAsync(host, "/api/health/ready"));
            azurite = await LocalAzurite.StartAsync(root, data, ports);

            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
            List<IngestionRecord> records;
            do
            {
                await Task.Delay(500);
                records = await ingestions.ListAllAsync();
            }
            while (records.Count(r => r.Status == IngestionStatus.Succeeded) < Files && DateTime.UtcNow < deadline && !host.HasExited);

            Assert.False(host.HasExited, "The host ended during the outage:" + Environment.NewLine + host.Output);
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable), (readyBefore, liveDuring, readyDuring));
            // The files may all be done (the sweep's lane does not wait for the trigger) before the trigger's job host is
            // rebuilt after its restart delay: ready again is asked for within the same deadline, not at that moment.
            var readyAfter = await StatusOfAsync(host, "/api/health/ready");
            while (readyAfter != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                readyAfter = await StatusOfAsync(host, "/api/health/ready");
            }

            Assert.Equal(HttpStatusCode.OK, readyAfter);
            Assert.True(records.Count(r => r.Status == IngestionStatus.Succeeded) == Files,
                $"{string.Join(", ", records.GroupBy(r => r.Status).Select(g => $"{g.Key}: {g.Count()}"))} of {Files}{Environment.NewLine}{host.Output}");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HostProcess host, string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
