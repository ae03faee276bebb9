using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.EndToEnd;

/// <summary>
/// Two standalone hosts with one host id on one account, as a scale-out runs them, with the product's own sweep
/// settings: a burst of files must each be ingested exactly once and all be done within a minute of the upload, and a
/// mass delete must leave both hosts running and no rows behind.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed partial class ScaleOutTests(AzuriteFixture azurite)
{
    private const int Files = 120;

    [Fact]
    public async Task TwoHostsOneHostId_IngestEachFileOnceWithinAMinute_AndSurviveAMassDelete()
    {
        var options = AzuriteFixture.NewOptions();
        var storage = new IngestStorage(azurite.ConnectionString, options);
        await storage.EnsureCreatedAsync();
        var ingestions = new IngestionStore(storage);
        var hostId = "scale-" + Guid.NewGuid().ToString("N")[..12];
        var productSweep = ProductSweep();
        await using var first = await HostProcess.StartAsync(azurite.ConnectionString, options, RunningHost.ApiKey, hostId, productSweep);
        await using var second = await HostProcess.StartAsync(azurite.ConnectionString, options, RunningHost.ApiKey, hostId, productSweep);

        // As `az storage blob upload-batch` does: many uploads at once, each stamped when its request began.
        await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await storage.Articles.Container.GetBlobClient(Name(i)).UploadAsync(BinaryData.FromString(Content(i)), ct));
        var uploaded = Stopwatch.StartNew();

        var settled = await WaitUntilAsync(
            async () => (await ingestions.ListAllAsync()).Count(r => r.Status == IngestionStatus.Succeeded) == Files,
            TimeSpan.FromSeconds(60));
        var records = await ingestions.ListAllAsync();
        var log = first.Output + Environment.NewLine + second.Output;
        Assert.True(settled, $"{records.Count(r => r.Status == IngestionStatus.Succeeded)} of {Files} succeeded {uploaded.Elapsed.TotalSeconds:F0} s after the upload; "
            + $"{Files - records.Count} had no record.{Environment.NewLine}{log}");

        // Exactly once: one run wrote each file's article; any other delivery found it done, or in hand (a run of the same
        // content beside it, as where the trigger and the sweep's new-blob lane meet, stores nothing: 0 sections written).
        var written = SucceededLine().Matches(log).Select(m => m.Groups["blob"].Value).ToList();
        Assert.Equal(Files, written.Count);
        Assert.Equal(Files, written.Distinct().Count());
        Assert.All(records, r => Assert.Single(r.ArticleIds));

        // A mass delete, as `az storage blob delete-batch` does.
        await Parallel.ForEachAsync(Enumerable.Range(0, Files), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await storage.Articles.Container.GetBlobClient(Name(i)).DeleteAsync(cancellationToken: ct));
        var cleared = await WaitUntilAsync(async () => (await ingestions.ListAllAsync()).Count == 0, TimeSpan.FromSeconds(90));

        Assert.True(cleared, $"{(await ingestions.ListAllAsync()).Count} records left after the delete.{Environment.NewLine}{first.Output}{Environment.NewLine}{second.Output}");
        foreach (var host in new[] { first, second })
        {
            Assert.False(host.HasExited, host.Output);
            using var health = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        var articles = new ArticleStore(storage, TimeProvider.System);
        var (left, _) = await articles.ListAsync(new ArticleListQuery(Top: 100));
        Assert.Empty(left);
    }

    /// <summary>
    /// Why the polling trigger strands files: Azurite stamps a blob's Last-Modified when its upload <em>begins</em>, while
    /// the container scan only looks at blobs modified since the newest one its last pass saw. An upload that begins
    /// before a scan and ends after it is older than that mark when it first appears, and the scan never looks at it.
    /// </summary>
    [Fact]
    public async Task UploadThatEndsAfterAScanSawANewerOne_IsStillIngestedWithinAMinute()
    {
        var options = AzuriteFixture.NewOptions();
        var storage = new IngestStorage(azurite.ConnectionString, options);
        await storage.EnsureCreatedAsync();
        var ingestions = new IngestionStore(storage);
        await using var host = await HostProcess.StartAsync(azurite.ConnectionString, options, RunningHost.ApiKey, "slow-" + Guid.NewGuid().ToString("N")[..12], ProductSweep());

        using var release = new SemaphoreSlim(0);
        var slowBody = new HeldBackStream(System.Text.Encoding.UTF8.GetBytes(Content(1) + "\n\n" + string.Concat(Enumerable.Repeat("A long closing paragraph. ", 8_000))), release);
        // A plain Put Blob through a SAS, so the body really streams while the request is open.
        var sas = storage.Articles.Container.GetBlobClient(Name(1)).GenerateSasUri(Azure.Storage.Sas.BlobSasPermissions.Create | Azure.Storage.Sas.BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddHours(1));
        using var put = new HttpRequestMessage(HttpMethod.Put, sas) { Content = new StreamContent(slowBody) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        put.Headers.Add("x-ms-version", "2021-12-02");
        using var http = new HttpClient();
        var slow = http.SendAsync(put);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await storage.Articles.Container.GetBlobClient(Name(2)).UploadAsync(BinaryData.FromString(Content(2)));
        Assert.True(await WaitUntilAsync(async () => (await ingestions.GetAsync(Name(2)))?.Status == IngestionStatus.Succeeded, TimeSpan.FromSeconds(60)), host.Output);
        Assert.False(slow.IsCompleted, "The held-back upload ended early.");
        release.Release();
        (await slow).EnsureSuccessStatusCode();
        var uploaded = Stopwatch.StartNew();

        var done = await WaitUntilAsync(async () => (await ingestions.GetAsync(Name(1)))?.Status == IngestionStatus.Succeeded, TimeSpan.FromSeconds(60));

        Assert.True(done, $"Not ingested {uploaded.Elapsed.TotalSeconds:F0} s after its upload ended.{Environment.NewLine}{host.Output}");
    }

    private static Dictionary<string, string> ProductSweep()
    {
        var defaults = new IngestOptions();
        return new()
        {
            ["Ingest__SweepInterval"] = new Ingest.Host.StandaloneHostOptions().SweepInterval.ToString(),
            ["Ingest__StuckProcessingAfter"] = defaults.StuckProcessingAfter.ToString(),
            ["Ingest__UnrecordedAfter"] = defaults.UnrecordedAfter.ToString(),
        };
    }

    /// <summary>A seekable body of known length (so the SDK sends one Put Blob) that holds back its second half until released.</summary>
    private sealed class HeldBackStream(byte[] content, SemaphoreSlim release) : MemoryStream(content)
    {
        private bool _released;

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            await ReadAsync(buffer.AsMemory(offset, count), cancellationToken);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var half = (int)(Length / 2);
            if (!_released && Position >= half)
            {
                await release.WaitAsync(cancellationToken);
                _released = true;
            }

            return await base.ReadAsync(_released ? buffer : buffer[..Math.Min(buffer.Length, half - (int)Position)], cancellationToken);
        }
    }

    private static string Name(int i) => $"burst/story-{i:D3}.txt";

    private static string Content(int i) =>
        $"Burst Story {i}\n\nBy Ann Lee\n\nLead paragraph of story {i}, long enough to read as one.\n\nHeading Of {i}\n\nParagraph of story {i}.";

    [GeneratedRegex(@"Ingested (?<blob>burst/story-\d{3}\.txt): succeeded, articles \[[^\]]*\], [1-9]\d* sections written")]
    private static partial Regex SucceededLine();

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(500);
        }

        return true;
    }
}
