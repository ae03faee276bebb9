using Azure.Data.Tables;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;

namespace Ingest.IntegrationTests.Storage;

/// <summary>Status listings and the recent feed read index rows, a page at a time, never the whole Ingestions table.</summary>
[Collection(AzuriteTests.Name)]
public sealed class IngestionIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ListByStatusAsync_ReadsOnlyItsPageOfIndexRows()
    {
        var queries = new QueryRecorder();
        var storage = await azurite.NewStorageAsync(queries.AddTo);
        var ingestions = new IngestionStore(storage);
        for (var i = 0; i < 30; i++)
        {
            await ingestions.UpdateAsync($"f{i:D2}.txt", _ => TestRecords.At($"f{i:D2}.txt", i % 3 == 0 ? IngestionStatus.Failed : IngestionStatus.Succeeded, i));
        }

        queries.Clear();
        var (page, token) = await ingestions.ListByStatusAsync(IngestionStatus.Failed, top: 4, continuationToken: null);
        var (rest, end) = await ingestions.ListByStatusAsync(IngestionStatus.Failed, top: 10, token);

        Assert.Equal(["f27.txt", "f24.txt", "f21.txt", "f18.txt"], page.Select(r => r.Blob)); // newest first
        Assert.Equal(["f15.txt", "f12.txt", "f09.txt", "f06.txt", "f03.txt", "f00.txt"], rest.Select(r => r.Blob));
        Assert.NotNull(token);
        Assert.Null(end);
        Assert.DoesNotContain(queries.Queries, q => q.Contains(storage.Options.IngestionsTable + "()", StringComparison.Ordinal) && !q.Contains("PartitionKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListByStatusAsync_RecordThatMovedOn_IsListedUnderItsNewStatusOnly()
    {
        var storage = await azurite.NewStorageAsync();
        var ingestions = new IngestionStore(storage);
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Processing, 1));
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Failed, 2));
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Succeeded, 3));

        Assert.Empty((await ingestions.ListByStatusAsync(IngestionStatus.Processing, 10, null)).Items);
        Assert.Empty((await ingestions.ListByStatusAsync(IngestionStatus.Failed, 10, null)).Items);
        Assert.Equal("a.txt", Assert.Single((await ingestions.ListByStatusAsync(IngestionStatus.Succeeded, 10, null)).Items).Blob);
    }

    [Fact]
    public async Task ListRecentAsync_NewestFirstAcrossDays_EachBlobOnceAtItsLatestState()
    {
        var storage = await azurite.NewStorageAsync();
        var ingestions = new IngestionStore(storage);
        await ingestions.UpdateAsync("old.txt", _ => TestRecords.At("old.txt", IngestionStatus.Succeeded, -3 * 24 * 60));
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Processing, 1));
        await ingestions.UpdateAsync("b.txt", _ => TestRecords.At("b.txt", IngestionStatus.Succeeded, 2));
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Failed, 3));

        var (first, token) = await ingestions.ListRecentAsync(top: 2, continuationToken: null);
        var (second, _) = await ingestions.ListRecentAsync(top: 2, token);

        Assert.Equal([("a.txt", IngestionStatus.Failed), ("b.txt", IngestionStatus.Succeeded)], first.Select(r => (r.Blob, r.Status)));
        Assert.Equal(["old.txt"], second.Select(r => r.Blob));
    }

    [Fact]
    public async Task ListRecentAsync_RunsListedByWhenTheyBegan_EachAtItsLatestState()
    {
        // a.txt's run began first and ended last: it keeps its run's place, below b.txt's run, which began after it. A
        // new run of a.txt's content (its next delivery) starts a new place, at the top.
        var storage = await azurite.NewStorageAsync();
        var ingestions = new IngestionStore(storage);
        var version = new BlobVersion("\"0x1\"", TestRecords.Start);
        await ingestions.UpdateAsync("a.txt", current => IngestionRecord.Processing("a.txt", current, version, [], TestRecords.Start.AddMinutes(1)));
        await ingestions.UpdateAsync("b.txt", current => IngestionRecord.Processing("b.txt", current, version, [], TestRecords.Start.AddMinutes(2)));
        await ingestions.UpdateAsync("b.txt", current => IngestionRecord.Completed("b.txt", current, IngestionStatus.Succeeded, [], version, TestRecords.Start.AddMinutes(3), null));
        await ingestions.UpdateAsync("a.txt", current => IngestionRecord.Failed("a.txt", current, version, "empty", "No text.", TestRecords.Start.AddMinutes(4)));

        var feed = (await ingestions.ListRecentAsync(10, null)).Items;

        Assert.Equal([("b.txt", IngestionStatus.Succeeded), ("a.txt", IngestionStatus.Failed)], feed.Select(r => (r.Blob, r.Status)));
        Assert.Equal(4, (await storage.IngestionIndexTable.QueryAsync<TableEntity>().ToListAsync()).Count); // a status row and a recent row each

        await ingestions.UpdateAsync("a.txt", current => IngestionRecord.Processing("a.txt", current, version, [], TestRecords.Start.AddMinutes(5)));

        Assert.Equal([("a.txt", IngestionStatus.Processing), ("b.txt", IngestionStatus.Succeeded)], (await ingestions.ListRecentAsync(10, null)).Items.Select(r => (r.Blob, r.Status)));
        Assert.Equal(4, (await storage.IngestionIndexTable.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task ListRecentAsync_DeletedRecord_IsGoneFromTheFeed()
    {
        var storage = await azurite.NewStorageAsync();
        var ingestions = new IngestionStore(storage);
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Succeeded, 1));
        await ingestions.UpdateAsync("b.txt", _ => TestRecords.At("b.txt", IngestionStatus.Succeeded, 2));

        await ingestions.DeleteAsync("a.txt");

        Assert.Equal(["b.txt"], (await ingestions.ListRecentAsync(10, null)).Items.Select(r => r.Blob));
        Assert.Equal(["b.txt"], (await ingestions.ListByStatusAsync(IngestionStatus.Succeeded, 10, null)).Items.Select(r => r.Blob));
        var indexRows = await storage.IngestionIndexTable.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(2, indexRows.Count); // b.txt's two; none left of a.txt
    }
}
