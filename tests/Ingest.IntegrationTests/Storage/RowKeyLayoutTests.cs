using Azure.Data.Tables;
using Ingest.Core.Composition;
using Ingest.Core.Ingestion;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using static Ingest.IntegrationTests.Storage.TableRows;

namespace Ingest.IntegrationTests.Storage;

/// <summary>
/// Ingestion records and sections' head rows have row keys of their own (<see cref="RowKeyLayout"/>); a store the
/// version before wrote (records under <c>""</c>, heads under <c>head</c>) is read as it is, moved a row at a time by
/// the writes that meet it, and all at once by the migration.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class RowKeyLayoutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task NewStore_RecordsAndHeadsHaveRowKeysOfTheirOwn()
    {
        var storage = await azurite.NewStorageAsync();
        var write = TestArticles.Seed(storage.Options.ArticlesContainer);

        await new IngestionStore(storage).UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Succeeded, 1));
        await new ArticleStore(storage, TimeProvider.System).SaveAsync(write);

        var record = Assert.Single(await RowsAsync(storage.IngestionsTable, BlobKeys.For("a.txt")));
        Assert.Equal(record.PartitionKey, record.RowKey);
        Assert.Contains(await RowsAsync(storage.SectionsTable, write.Article.Id), row => row.RowKey == "head|" + write.Article.Id);
        Assert.DoesNotContain(await RowsAsync(storage.SectionsTable, write.Article.Id), row => row.RowKey == "head");
        Assert.False(storage.MayHoldOldRowKeys);
    }

    [Fact]
    public async Task NewStore_MissingRecord_IsOneRead()
    {
        var queries = new QueryRecorder();
        var storage = await azurite.NewStorageAsync(queries.AddTo);
        queries.Clear();

        var read = await new IngestionStore(storage).ReadAsync("never.txt");

        Assert.Null(read.Record);
        Assert.Single(queries.Queries);
    }

    [Fact]
    public async Task TwoHostsStartingOnFreshTables_NeitherLooksForOldKeys()
    {
        var options = AzuriteFixture.NewOptions();
        var otherHost = new RequestHook(
            request => request.Method == Azure.Core.RequestMethod.Get && request.Uri.Path.Contains(RowKeyLayout.MarkerPartition, StringComparison.Ordinal),
            async () =>
            {
                // Between this host's look for the marker and its look at the tables, another host starts on them: it
                // finds them fresh, marks them and ingests a first file.
                var other = await azurite.NewStorageAsync(options);
                await new IngestionStore(other).UpdateAsync("first.txt", _ => TestRecords.At("first.txt", IngestionStatus.Succeeded, 1));
            });

        var storage = await azurite.NewStorageAsync(options, otherHost.AddTo);

        Assert.True(otherHost.Fired);
        Assert.False(storage.MayHoldOldRowKeys);
    }

    [Fact]
    public async Task WholeTableReads_DoNotListTheLayoutMarker()
    {
        var storage = await azurite.NewStorageAsync();
        var ingestions = new IngestionStore(storage);
        await ingestions.UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Succeeded, 1));

        Assert.Equal(["a.txt"], (await ingestions.ListAllAsync()).Select(r => r.Blob));
        Assert.Equal(["a.txt"], (await ingestions.ReadPageAsync(null, 100)).Items.Select(i => i.Record.Blob));
    }

    [Fact]
    public async Task OldStore_IsToldApartAtStart()
    {
        var options = AzuriteFixture.NewOptions();
        var storage = await azurite.NewStorageAsync(options);
        await new IngestionStore(storage).UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Succeeded, 1));
        await ToOldLayoutAsync(storage);

        var reopened = await azurite.ReopenStorageAsync(options);

        Assert.True(reopened.MayHoldOldRowKeys);
    }

    [Fact]
    public async Task OldStore_RecordIsReadThenMovedByItsNextWrite()
    {
        var storage = await OldStoreWithRecordAsync("a.txt", IngestionStatus.Processing);
        var reopened = new IngestionStore(storage);

        var read = await reopened.GetAsync("a.txt");
        var updated = await reopened.UpdateAsync("a.txt", current => current! with { Status = IngestionStatus.Succeeded, UpdatedAt = TestRecords.Start.AddMinutes(2) });
        var again = await reopened.UpdateAsync("a.txt", current => current! with { Attempts = 2 });

        Assert.Equal(IngestionStatus.Processing, read?.Status);
        Assert.Equal(IngestionStatus.Succeeded, updated?.Status);
        Assert.Equal(2, again?.Attempts);
        var row = Assert.Single(await RowsAsync(storage.IngestionsTable, BlobKeys.For("a.txt")));
        Assert.Equal(row.PartitionKey, row.RowKey);
        Assert.Equal(IngestionStatus.Succeeded, Assert.Single((await reopened.ListByStatusAsync(IngestionStatus.Succeeded, 10, null)).Items).Status);
    }

    [Fact]
    public async Task OldStore_RecordIsDeletedWhereItIs()
    {
        var storage = await OldStoreWithRecordAsync("a.txt", IngestionStatus.Failed);
        var ingestions = new IngestionStore(storage);
        var (items, _) = await ingestions.ReadPageAsync(null, 10);

        var deleted = await ingestions.DeleteAsync("a.txt", Assert.Single(items).RowETag);

        Assert.True(deleted);
        Assert.Empty(await RowsAsync(storage.IngestionsTable, BlobKeys.For("a.txt")));
    }

    [Fact]
    public async Task OldStore_HeadIsFollowed_AndMovedByTheNextWrite()
    {
        var options = AzuriteFixture.NewOptions();
        var first = await azurite.NewStorageAsync(options);
        var write = TestArticles.Seed(first.Options.ArticlesContainer);
        await new ArticleStore(first, TimeProvider.System).SaveAsync(write);
        var storage = await ReopenAsOldAsync(options);
        var store = new ArticleStore(storage, TimeProvider.System);

        var unchanged = await store.SaveAsync(write with { LikelyNew = false });
        var rewritten = await store.SaveAsync(write with { LikelyNew = false, Force = true });

        Assert.Equal(SaveOutcome.Unchanged, unchanged.Outcome);
        Assert.Equal(new SaveResult(SaveOutcome.Written, 2, write.Blob), rewritten);
        var rows = await RowsAsync(storage.SectionsTable, write.Article.Id);
        Assert.Equal(13, rows.Count); // the new generation's 12 sections and the head, under its new key only
        Assert.Single(rows, row => row.RowKey == "head|" + write.Article.Id);
        Assert.Equal(12, (await store.GetAsync(write.Article.Id))?.Sections.Count);
    }

    [Fact]
    public async Task Migration_MovesEveryOldRow_AndMarksTheStore()
    {
        var options = AzuriteFixture.NewOptions();
        var first = await azurite.NewStorageAsync(options);
        var writes = Enumerable.Range(0, 3).Select(i => TestArticles.Make(first.Options.ArticlesContainer, $"story-{i}.txt", sectionCount: 2)).ToList();
        foreach (var write in writes)
        {
            await new IngestionStore(first).UpdateAsync(write.Article.Source.Blob, _ => TestRecords.At(write.Article.Source.Blob, IngestionStatus.Succeeded, 1));
            await new ArticleStore(first, TimeProvider.System).SaveAsync(write);
        }

        var storage = await ReopenAsOldAsync(options);

        var moved = await RowKeyMigration.RunAsync(storage);
        var reopened = await azurite.ReopenStorageAsync(options);

        Assert.Equal((3, 3), (moved.Records, moved.Heads));
        Assert.False(storage.MayHoldOldRowKeys);
        Assert.False(reopened.MayHoldOldRowKeys);
        Assert.DoesNotContain(await RowsAsync(storage.IngestionsTable, partitionKey: null), row => row.RowKey == "");
        Assert.DoesNotContain(await RowsAsync(storage.SectionsTable, partitionKey: null), row => row.RowKey == "head");
        foreach (var write in writes)
        {
            Assert.Equal(IngestionStatus.Succeeded, (await new IngestionStore(reopened).GetAsync(write.Article.Source.Blob))?.Status);
            Assert.Equal(SaveOutcome.Unchanged, (await new ArticleStore(reopened, TimeProvider.System).SaveAsync(write with { LikelyNew = false })).Outcome);
        }
    }

    [Fact]
    public async Task Migration_RowUnderBothKeys_KeepsTheNewOne()
    {
        var storage = await OldStoreWithRecordAsync("a.txt", IngestionStatus.Failed);
        await new IngestionStore(storage).UpdateAsync("a.txt", _ => TestRecords.At("a.txt", IngestionStatus.Succeeded, 2));
        var key = BlobKeys.For("a.txt");
        await storage.IngestionsTable.AddEntityAsync(new TableEntity(key, "") { ["Blob"] = "a.txt", ["Status"] = IngestionStatus.Failed });

        var moved = await RowKeyMigration.RunAsync(storage);

        Assert.Equal(0, moved.Records);
        var row = Assert.Single(await RowsAsync(storage.IngestionsTable, key));
        Assert.Equal(key, row.RowKey);
        Assert.Equal(IngestionStatus.Succeeded, row.GetString("Status"));
    }

    [Fact]
    public async Task Migration_MoreOldRowsThanOnePage_MovesThemAll()
    {
        var options = AzuriteFixture.NewOptions();
        var first = await azurite.NewStorageAsync(options);
        var names = Enumerable.Range(0, 1_001).Select(i => $"page/{i:D4}.txt").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, ct) =>
            await first.IngestionsTable.AddEntityAsync(new TableEntity(BlobKeys.For(name), "") { ["Blob"] = name, ["Status"] = IngestionStatus.Succeeded }, ct));
        var storage = await ReopenAsOldAsync(options);

        var moved = await RowKeyMigration.RunAsync(storage);

        Assert.Equal(1_001, moved.Records);
        var rows = await RowsAsync(storage.IngestionsTable, partitionKey: null);
        Assert.Equal(1_002, rows.Count); // every record under its new key, and the marker
        Assert.All(rows.Where(row => !row.PartitionKey.StartsWith('~')), row => Assert.Equal(row.PartitionKey, row.RowKey));
    }

    /// <summary>A store the version before wrote, holding one record of <paramref name="blob"/>, opened as a host starting on it would.</summary>
    private async Task<IngestStorage> OldStoreWithRecordAsync(string blob, string status)
    {
        var options = AzuriteFixture.NewOptions();
        await new IngestionStore(await azurite.NewStorageAsync(options)).UpdateAsync(blob, _ => TestRecords.At(blob, status, 1));
        return await ReopenAsOldAsync(options);
    }

    /// <summary>Turns the store into one the version before wrote, then opens it again as a host starting on it would.</summary>
    private async Task<IngestStorage> ReopenAsOldAsync(IngestOptions options)
    {
        await ToOldLayoutAsync(await azurite.ReopenStorageAsync(options));
        var storage = await azurite.ReopenStorageAsync(options);
        Assert.True(storage.MayHoldOldRowKeys);
        return storage;
    }

    /// <summary>No layout marker; every record under <c>""</c>, every head under <c>head</c>.</summary>
    private static async Task ToOldLayoutAsync(IngestStorage storage)
    {
        foreach (var row in (await RowsAsync(storage.IngestionsTable, partitionKey: null)).Where(row => row.RowKey != ""))
        {
            await storage.IngestionsTable.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            if (row.RowKey == row.PartitionKey)
            {
                row.RowKey = "";
                await storage.IngestionsTable.AddEntityAsync(row);
            }
        }

        foreach (var row in (await RowsAsync(storage.SectionsTable, partitionKey: null)).Where(row => row.RowKey.StartsWith("head|", StringComparison.Ordinal)))
        {
            await storage.SectionsTable.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            row.RowKey = "head";
            await storage.SectionsTable.AddEntityAsync(row);
        }
    }
}
