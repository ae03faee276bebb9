using System.Text.Json;
using Ingest.Core.Api.Contracts;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.EndToEnd;

namespace Ingest.IntegrationTests.Cli;

/// <summary>The <c>ingest</c> CLI end to end: its own process against a running host on Azurite, output and exit codes checked.</summary>
[Collection(AzuriteTests.Name)]
public sealed class CliTests(RunningHost host) : IClassFixture<RunningHost>, IDisposable
{
    private const string Harbour = "Harbour Reopens After Storm Repairs\n\nBy Ann Lee | Published 3 March 2025\n\n"
        + "The harbour reopened on Monday after three weeks of repairs to the sea wall and the fish market, the port authority said.\n";
    private const string Market = "# Market Stalls Open Again\n\nThe fish market's stalls opened again on Tuesday, a day after the harbour did, traders said.\n";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ingest-cli-");
    private readonly string _prefix = $"cli-{Guid.NewGuid():N}"[..14] + "/";

    [Fact]
    public async Task Push_FolderRecursively_FollowsEveryFileToItsStatus_AndExits1ForTheFailure()
    {
        var desk = Folder(("harbour.txt", Harbour), ("more/market.md", Market), ("more/broken.json", "{\"title\": \"Half a file\","));

        var run = await CliProcess.RunAsync(host, "push", desk, "--recursive", "--prefix", _prefix, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var report = JsonDocument.Parse(run.Output).RootElement;
        var files = report.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("blob").GetString()!);
        Assert.Equal([_prefix + "harbour.txt", _prefix + "more/broken.json", _prefix + "more/market.md"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("succeeded", files[_prefix + "harbour.txt"].GetProperty("status").GetString());
        Assert.Equal("succeeded", files[_prefix + "more/market.md"].GetProperty("status").GetString());
        Assert.Equal("failed", files[_prefix + "more/broken.json"].GetProperty("status").GetString());
        Assert.StartsWith("malformed-json: ", files[_prefix + "more/broken.json"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, report.GetProperty("tally").GetProperty("failed").GetInt32());
        Assert.Equal(2, report.GetProperty("tally").GetProperty("succeeded").GetInt32());
        var harbour = await host.WaitForIngestionAsync(_prefix + "harbour.txt");
        Assert.Equal(harbour.ETag, files[_prefix + "harbour.txt"].GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Push_TheSameFolderAgain_ReportsUnchangedLineByLine_AndASummary()
    {
        var desk = Folder(("harbour.txt", Harbour), ("market.md", Market));
        var first = await CliProcess.RunAsync(host, "push", desk, "--prefix", _prefix);

        var again = await CliProcess.RunAsync(host, "push", desk, "--prefix", _prefix);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"succeeded  {_prefix}harbour.txt", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"unchanged  {_prefix}harbour.txt", again.Output, StringComparison.Ordinal);
        Assert.Contains($"unchanged  {_prefix}market.md", again.Output, StringComparison.Ordinal);
        Assert.Contains("2 files to container", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not ingested", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ThroughTheApi_NeedsTheKey()
    {
        var file = Path.Combine(Folder(("harbour.txt", Harbour)), "harbour.txt");

        var refused = await CliProcess.RunAsync(host, new Dictionary<string, string?> { ["INGEST_KEY"] = null }, "push", file, "--api", "--prefix", _prefix + "nokey/", "--json");
        var accepted = await CliProcess.RunAsync(host, "push", file, "--api", "--prefix", _prefix, "--json");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        var rejected = JsonDocument.Parse(refused.Output).RootElement.GetProperty("files")[0];
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Contains("INGEST_KEY", rejected.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(await host.Container.GetBlobClient(_prefix + "nokey/harbour.txt").ExistsAsync());
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Contains("the API at", JsonDocument.Parse(accepted.Output).RootElement.GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Equal("succeeded", (await host.WaitForIngestionAsync(_prefix + "harbour.txt")).Status);
    }

    [Fact]
    public async Task Status_Ls_Show_Reprocess_Rm_OnePushedFile()
    {
        var blob = _prefix + "harbour.txt";
        Assert.Equal(0, (await CliProcess.RunAsync(host, "push", Path.Combine(Folder(("harbour.txt", Harbour)), "harbour.txt"), "--prefix", _prefix)).ExitCode);

        var status = await CliProcess.RunAsync(host, "status", blob, "--json");
        var record = JsonSerializer.Deserialize<IngestionDto>(status.Output, Web)!;
        var id = Assert.Single(record.ArticleIds);
        var missing = await CliProcess.RunAsync(host, "status", _prefix + "never.txt");
        var listed = await CliProcess.RunAsync(host, "ls", "--source", blob, "--json");
        var shown = await CliProcess.RunAsync(host, "show", id);
        var reprocessed = await CliProcess.RunAsync(host, "reprocess", blob, "--json");
        var unasked = await CliProcess.RunAsync(host, "rm", id);
        var removed = await CliProcess.RunAsync(host, "rm", id, "--yes");
        var gone = await CliProcess.RunAsync(host, "show", id);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("succeeded", record.Status);
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains($"No file named '{_prefix}never.txt' has been seen.", missing.Error, StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(JsonSerializer.Deserialize<PageDto<ArticleSummaryDto>>(listed.Output, Web)!.Items).Id);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("Harbour Reopens After Storm Repairs", shown.Output, StringComparison.Ordinal);
        Assert.Contains("By Ann Lee · Published 2025-03-03", shown.Output, StringComparison.Ordinal);
        Assert.Contains("The harbour reopened on Monday", shown.Output, StringComparison.Ordinal);
        Assert.True(reprocessed.ExitCode == 0, reprocessed.ToString());
        var after = JsonSerializer.Deserialize<IngestionDto>(reprocessed.Output, Web)!;
        Assert.Equal("succeeded", after.Status);
        Assert.NotEqual(record.ETag, after.ETag);
        Assert.Equal(2, unasked.ExitCode);
        Assert.Contains("--yes", unasked.Error, StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal(4, gone.ExitCode);
        Assert.False(await host.Container.GetBlobClient(blob).ExistsAsync());
    }

    [Fact]
    public async Task NoHost_SaysWhereItLooked_AndExits3()
    {
        var run = await CliProcess.RunAsync(host, new Dictionary<string, string?> { ["INGEST_URL"] = "http://127.0.0.1:9" }, "ls");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("http://127.0.0.1:9/ did not answer", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Folder(params (string Path, string Text)[] files)
    {
        var root = Directory.CreateDirectory(Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N")[..8]));
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return root.FullName;
    }
}
