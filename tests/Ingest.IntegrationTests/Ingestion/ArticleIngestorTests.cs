using Ingest.Core.Events;
using Ingest.Core.Extraction;
using Ingest.Core.Ingestion;
using Ingest.Core.Model;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingest.IntegrationTests.Ingestion;

/// <summary>The ingestion flow on real Azurite, called as a trigger calls it.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ArticleIngestorTests(AzuriteFixture azurite)
{
    private async Task<(IngestStorage Storage, ArticleIngestor Ingestor, ArticleStore Articles)> NewAsync(Action<Azure.Core.ClientOptions>? configureClient = null)
    {
        var storage = await azurite.NewStorageAsync(configureClient);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, new IngestionStore(storage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        return (storage, ingestor, articles);
    }

    private static async Task UploadAsync(IngestStorage storage, string name, string content) =>
        await storage.Articles.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);

    /// <summary>Gives the blob a reprocess token, the metadata <c>POST /api/ingestions/reprocess</c> stamps on it.</summary>
    private static async Task MarkForReprocessAsync(IngestStorage storage, string name, string token) =>
        await storage.Articles.Container.GetBlobClient(name).SetMetadataAsync(new Dictionary<string, string> { [ArticleIngestor.ReprocessMetadataKey] = token });

    [Fact]
    public async Task IngestAsync_NewFile_ReadsItsIngestionRecordOnce()
    {
        // The record is read before the download (is this content done already?); the "processing" write goes on from
        // that read and the outcome's write from the "processing" write's answer, each under its ETag, not after a read.
        var queries = new QueryRecorder();
        var (storage, ingestor, _) = await NewAsync(queries.AddTo);
        await UploadAsync(storage, "one.txt", "A Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article.");
        queries.Clear();

        var record = await ingestor.IngestAsync("one.txt");

        Assert.Equal(IngestionStatus.Succeeded, record.Status);
        var recordReads = queries.Queries.Count(q => q.Contains($"/{storage.Options.IngestionsTable}(", StringComparison.Ordinal));
        Assert.Equal(1, recordReads);
    }

    [Fact]
    public async Task IngestAsync_DeliveredVersionIngestedAlready_ReadsTheRecordAndNothingElse()
    {
        // A trigger hands over the version it saw (the engine read the blob's properties to deliver it): when the record
        // says that very content is done, the delivery costs one record read, not a download of the blob as well.
        var queries = new QueryRecorder();
        var (storage, ingestor, _) = await NewAsync(queries.AddTo);
        await UploadAsync(storage, "done.txt", "A Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article.");
        var first = await ingestor.IngestAsync("done.txt");
        queries.Clear();

        var again = await ingestor.IngestAsync("done.txt", first.BlobVersion!);

        Assert.Equal((first.Status, first.BlobVersion, first.UpdatedAt), (again.Status, again.BlobVersion, again.UpdatedAt));
        Assert.Equal(first.ArticleIds, again.ArticleIds);
        Assert.Equal([$"/{storage.Options.IngestionsTable}("], queries.Queries.Select(q => q.Contains($"/{storage.Options.IngestionsTable}(", StringComparison.Ordinal) ? $"/{storage.Options.IngestionsTable}(" : q));
    }

    [Fact]
    public async Task IngestAsync_DeliveredVersionNotIngestedYet_IsIngestedAsItIsNow()
    {
        // The version a trigger saw only spares work when it is done: otherwise the blob is read as it is now.
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "moved.txt", "Old Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article.");
        var first = await ingestor.IngestAsync("moved.txt");
        await UploadAsync(storage, "moved.txt", "New Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article, and more.");

        var again = await ingestor.IngestAsync("moved.txt", new BlobVersion("\"0xdelivered\"", first.BlobVersion!.LastModified));

        Assert.Equal(IngestionStatus.Succeeded, again.Status);
        Assert.NotEqual(first.BlobVersion.ETag, again.BlobVersion?.ETag);
        Assert.Equal("New Title", (await articles.GetAsync(again.ArticleIds[0]))?.Title);
    }

    [Fact]
    public async Task IngestAsync_NewFile_ReadsNoArticleRowsBeforeWritingThem()
    {
        // A blob with no ingestion record has never been stored: its article rows are written as new, not read first.
        var queries = new QueryRecorder();
        var (storage, ingestor, articles) = await NewAsync(queries.AddTo);
        await UploadAsync(storage, "new.txt", "A Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article.");
        queries.Clear();

        var record = await ingestor.IngestAsync("new.txt");

        Assert.Equal(IngestionStatus.Succeeded, record.Status);
        Assert.DoesNotContain(queries.Queries, q =>
            q.Contains($"/{storage.Options.ArticlesTable}(", StringComparison.Ordinal) || q.Contains($"/{storage.Options.SectionsTable}(", StringComparison.Ordinal));
        Assert.Equal(1, (await articles.GetAsync(record.ArticleIds[0]))?.Version);
    }

    [Fact]
    public async Task IngestAsync_NewFile_WritesItsRecentFeedRowOnceForTheRun()
    {
        // The run's "processing" state and its outcome share the run's place in the recent feed: its index rows are the
        // two of "processing" (status, recent), the outcome's status row, and the "processing" status row removed.
        var indexWrites = 0;
        string? indexTable = null;
        var counter = new RequestHook(
            request => request.Method != Azure.Core.RequestMethod.Get && request.Uri.Path.Contains($"/{indexTable}(", StringComparison.Ordinal),
            () => { Interlocked.Increment(ref indexWrites); return Task.CompletedTask; },
            times: int.MaxValue);
        var (storage, ingestor, _) = await NewAsync(counter.AddTo);
        indexTable = storage.Options.IngestionIndexTable;
        await UploadAsync(storage, "run.txt", "A Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article.");

        var record = await ingestor.IngestAsync("run.txt");

        Assert.Equal(IngestionStatus.Succeeded, record.Status);
        Assert.Equal(4, indexWrites);
        var ingestions = new IngestionStore(storage);
        Assert.Equal(("run.txt", IngestionStatus.Succeeded), Assert.Single((await ingestions.ListRecentAsync(10, null)).Items.Select(r => (r.Blob, r.Status))));
        Assert.Equal("run.txt", Assert.Single((await ingestions.ListByStatusAsync(IngestionStatus.Succeeded, 10, null)).Items).Blob);
        Assert.Empty((await ingestions.ListByStatusAsync(IngestionStatus.Processing, 10, null)).Items);
        Assert.Equal(2, (await storage.IngestionIndexTable.QueryAsync<Azure.Data.Tables.TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task IngestAsync_NewContentOfABlobWhoseRecordWasLost_WritesTheNextVersionOverTheStoredArticle()
    {
        // The record says nothing was stored, but the article is there (its record removed by hand, say): the first write,
        // made as new, is refused, and the save reads what is stored and writes over it.
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.\n\nFerries run again.");
        var first = await ingestor.IngestAsync("a.txt");
        await new IngestionStore(storage).DeleteAsync("a.txt");
        await UploadAsync(storage, "a.txt", "Harbour Closes\n\nThe harbour closed on Friday.");

        var second = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, second.Status);
        Assert.Equal(first.ArticleIds, second.ArticleIds);
        var stored = await articles.GetAsync(second.ArticleIds[0]);
        Assert.Equal(2, stored?.Version);
        Assert.Equal("Harbour Closes", stored?.Title);
        Assert.Equal(["The harbour closed on Friday."], stored!.Sections.SelectMany(s => s.Paragraphs));
    }

    [Fact]
    public async Task IngestAsync_RecordChangedAfterItWasRead_AppliesTheOutcomeToTheNewerRecord()
    {
        // Another delivery of this content records "processing" just after this run read the record: the ETag check refuses
        // this run's write, which is applied again to what is stored now (the attempts count both deliveries).
        var interposer = new AfterFirstRecordRead();
        var (storage, ingestor, _) = await NewAsync(interposer.AddTo);
        var other = new IngestionStore(await azurite.ReopenStorageAsync(storage.Options));
        await UploadAsync(storage, "two.txt", "A Title\n\nBy Ann Lee\n\nA first paragraph, long enough to read as prose in the article.");
        var version = (await storage.Articles.CurrentVersionAsync("two.txt"))!;
        interposer.Then = () => other.UpdateAsync("two.txt", current => IngestionRecord.Processing("two.txt", current, version, [], DateTimeOffset.UtcNow)).GetAwaiter().GetResult();

        var record = await ingestor.IngestAsync("two.txt");

        Assert.True(interposer.Ran);
        Assert.Equal(IngestionStatus.Succeeded, record.Status);
        Assert.Equal(2, record.Attempts);
        var stored = (await other.GetAsync("two.txt"))!;
        Assert.Equal((record.Status, record.Attempts, record.BlobVersion), (stored.Status, stored.Attempts, stored.BlobVersion));
    }

    /// <summary>Runs <see cref="Then"/> once, when the first read of an ingestion record has been answered.</summary>
    private sealed class AfterFirstRecordRead : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public Action? Then { get; set; }
        public bool Ran { get; private set; }

        public void AddTo(Azure.Core.ClientOptions options) => options.AddPolicy(this, Azure.Core.HttpPipelinePosition.PerCall);

        public override void OnReceivedResponse(Azure.Core.HttpMessage message)
        {
            if (!Ran && Then is not null && message.Request.Method == Azure.Core.RequestMethod.Get && message.Request.Uri.Path.Contains("Ingestions", StringComparison.Ordinal))
            {
                Ran = true;
                Then();
            }
        }
    }

    [Fact]
    public async Task IngestAsync_JsonArrayThatShrinks_RemovesTheArticleItNoLongerHolds()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "feed.json", """[{"title": "A", "body": "First."}, {"title": "B", "body": "Second."}, {"title": "C", "body": "Third."}]""");
        var first = await ingestor.IngestAsync("feed.json");
        await UploadAsync(storage, "feed.json", """[{"title": "A", "body": "First."}, {"title": "B", "body": "Second, changed."}]""");

        var second = await ingestor.IngestAsync("feed.json");

        Assert.Equal(3, first.ArticleIds.Count);
        Assert.Equal(IngestionStatus.Succeeded, second.Status);
        Assert.Equal(first.ArticleIds.Take(2), second.ArticleIds);
        Assert.Null(await articles.GetAsync(first.ArticleIds[2]));
        Assert.Equal(1, (await articles.GetAsync(first.ArticleIds[0]))!.Version);
        Assert.Equal(2, (await articles.GetAsync(first.ArticleIds[1]))!.Version);
    }

    [Fact]
    public async Task IngestAsync_FailedOverwriteThenSmallerArray_LeavesOnlyTheArticlesTheBlobHolds()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "feed.json", JsonArray(5));
        var five = await ingestor.IngestAsync("feed.json");
        await UploadAsync(storage, "feed.json", "");
        var failed = await ingestor.IngestAsync("feed.json");
        await UploadAsync(storage, "feed.json", JsonArray(2));

        var two = await ingestor.IngestAsync("feed.json");

        Assert.Equal(IngestionStatus.Failed, failed.Status);
        Assert.Equal(five.ArticleIds, failed.ArticleIds); // the last good version is still served, and named
        Assert.Equal(five.ArticleIds.Take(2), two.ArticleIds);
        Assert.Equal(two.ArticleIds, await StoredIdsAsync(articles, "feed.json"));
    }

    [Fact]
    public async Task SweepAsync_BlobDeletedAfterAFailedOverwrite_RemovesEveryArticleItHeld()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "feed.json", JsonArray(5));
        await ingestor.IngestAsync("feed.json");
        await UploadAsync(storage, "feed.json", "");
        await ingestor.IngestAsync("feed.json");
        await storage.Articles.Container.DeleteBlobAsync("feed.json");

        await Sweeper(storage, ingestor, articles).SweepAsync();

        Assert.Empty(await StoredIdsAsync(articles, "feed.json"));
    }

    [Fact]
    public async Task IngestAsync_RunKilledMidArray_RecordNamesEveryArticleItWrote()
    {
        var storage = await azurite.NewStorageAsync();
        await UploadAsync(storage, "feed.json", JsonArray(5));
        // The third article's catalog transaction never happens: the host dies there.
        var killer = new FaultInjector(r => FaultInjector.IsTransactionOn(r, storage.Options.ArticlesTable), after: 2) { ThrowInstead = new OperationCanceledException("The host died.") };
        var dying = new IngestStorage(azurite.ConnectionString, storage.Options, killer.AddTo);
        var articles = new ArticleStore(storage, TimeProvider.System);
        var ingestions = new IngestionStore(storage);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ArticleIngestor(dying, new ArticleExtractor(), new ArticleStore(dying, TimeProvider.System), new IngestionStore(dying), TimeProvider.System, NullLogger<ArticleIngestor>.Instance).IngestAsync("feed.json"));
        var stored = await StoredIdsAsync(articles, "feed.json");
        var record = await ingestions.GetAsync("feed.json");
        await storage.Articles.Container.DeleteBlobAsync("feed.json");
        var ingestor = new ArticleIngestor(storage, new ArticleExtractor(), articles, ingestions, TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        await Sweeper(storage, ingestor, articles).SweepAsync();

        Assert.Equal(1, killer.Injected);
        Assert.Equal(2, stored.Count);
        Assert.Equal(IngestionStatus.Processing, record?.Status);
        Assert.Superset(stored.ToHashSet(), record!.ArticleIds.ToHashSet());
        Assert.Empty(await StoredIdsAsync(articles, "feed.json"));
    }

    [Fact]
    public async Task IngestAsync_StaleRunFinishingAfterANewerOne_WritesNothingTheNewerContentLacks()
    {
        var (storage, _, articles) = await NewAsync();
        await UploadAsync(storage, "feed.json", JsonArray(5));
        var newer = new ArticleIngestor(storage, new ArticleExtractor(), articles, new IngestionStore(storage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        // The slow run has read the five-story version when the blob is overwritten with two stories and ingested.
        var overtaken = new RequestHook(
            r => r.Method == Azure.Core.RequestMethod.Get && r.Uri.Path.EndsWith("/feed.json", StringComparison.Ordinal),
            async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1.1)); // blob times have one-second resolution
                await UploadAsync(storage, "feed.json", JsonArray(2));
                await newer.IngestAsync("feed.json");
            });
        var slowStorage = new IngestStorage(azurite.ConnectionString, storage.Options, overtaken.AddTo);
        var slow = new ArticleIngestor(slowStorage, new ArticleExtractor(), new ArticleStore(slowStorage, TimeProvider.System), new IngestionStore(slowStorage), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);

        await slow.IngestAsync("feed.json");

        Assert.True(overtaken.Fired);
        var record = await new IngestionStore(storage).GetAsync("feed.json");
        Assert.Equal(2, record?.ArticleIds.Count);
        Assert.Equal(record!.ArticleIds.Order(StringComparer.Ordinal), await StoredIdsAsync(articles, "feed.json"));
    }

    [Fact]
    public async Task IngestAsync_DeliveryOfContentAlreadyIngested_KeepsItsOutcomeAndWritesNothing()
    {
        // The trigger's late delivery of a blob the sweep already ingested, or a second host's: no second extraction.
        var writes = new WriteRoundTripCounter();
        var (storage, ingestor, _) = await NewAsync(writes.AddTo);
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        var first = await ingestor.IngestAsync("a.txt");
        writes.Reset();

        var again = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, again.Status);
        Assert.Equal(first.ArticleIds, again.ArticleIds);
        Assert.Equal(1, again.Attempts);
        Assert.Equal(0, writes.Writes);
    }

    [Fact]
    public async Task IngestAsync_ContentIngestedElsewhereWhileThisRunWaitedForMemory_IsNotExtractedAgain()
    {
        // A burst of large files on two hosts: while this run waits for its host's memory budget, another host ingests
        // the same blob; this run must find it done, not extract it again.
        var writes = new WriteRoundTripCounter();
        var (storage, ingestor, _) = await NewAsync(writes.AddTo);
        var other = new IngestStorage(azurite.ConnectionString, storage.Options); // its own memory budget, as another run that got there first
        var elsewhere = new ArticleIngestor(other, new ArticleExtractor(), new ArticleStore(other, TimeProvider.System), new IngestionStore(other), TimeProvider.System, NullLogger<ArticleIngestor>.Instance);
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        var held = await storage.FileMemory.TakeAsync(storage.FileMemory.CapacityBytes);
        var waiting = ingestor.IngestAsync("a.txt");
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "The run did not wait for memory.");

        var done = await elsewhere.IngestAsync("a.txt");
        writes.Reset();
        held.Dispose();
        var again = await waiting;

        Assert.Equal(IngestionStatus.Succeeded, again.Status);
        Assert.Equal(done.UpdatedAt, again.UpdatedAt);
        Assert.Equal(1, again.Attempts);
        Assert.Equal(0, writes.Writes);
    }

    [Fact]
    public async Task IngestAsync_TwoDeliveriesOfABlobAtOnce_ExtractItOnce()
    {
        // The trigger's delivery and the new-blob lane's meet in one host (the lane takes a blob the trigger has not
        // reached in time, and the trigger gets there meanwhile): one run ingests, the other finds it done.
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");

        await TwoRunsAtOnceAsync(storage, ingestor, "a.txt");
        var record = await new IngestionStore(storage).GetAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, record!.Status);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(1, (await articles.GetAsync(record.ArticleIds[0]))!.Version);
    }

    [Fact]
    public async Task IngestAsync_TwoDeliveriesOfAReprocessedBlobAtOnce_MakeOneNewVersion()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        var first = await ingestor.IngestAsync("a.txt");
        await MarkForReprocessAsync(storage, "a.txt", "token-1");

        await TwoRunsAtOnceAsync(storage, ingestor, "a.txt");

        Assert.Equal(2, (await articles.GetAsync(first.ArticleIds[0]))!.Version);
    }

    /// <summary>Two deliveries of one blob, both started before either can read its body (the host's memory is held meanwhile).</summary>
    private static async Task TwoRunsAtOnceAsync(IngestStorage storage, ArticleIngestor ingestor, string name)
    {
        var held = await storage.FileMemory.TakeAsync(storage.FileMemory.CapacityBytes);
        var runs = new[] { ingestor.IngestAsync(name), ingestor.IngestAsync(name) };
        await Task.Delay(200);
        held.Dispose();
        await Task.WhenAll(runs);
    }

    [Fact]
    public async Task IngestAsync_RedeliveryAfterAnInterruptedRun_IsSucceededNotUnchanged()
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        await ingestor.IngestAsync("a.txt");
        // A host killed after writing the article but before recording the outcome leaves "processing" behind.
        await new IngestionStore(storage).UpdateAsync("a.txt", current => current! with { Status = IngestionStatus.Processing });

        var redelivered = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, redelivered.Status);
    }

    [Fact]
    public async Task IngestAsync_IdenticalContentUploadedAgain_IsUnchanged()
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        await ingestor.IngestAsync("a.txt");
        await UploadAsync(storage, "a.txt", "Harbour Reopens\r\n\r\nThe harbour reopened on Monday.\r\n");

        var again = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Unchanged, again.Status);
        Assert.Equal(1, again.Attempts);
    }

    [Theory]
    [InlineData("", ExtractionErrorCodes.Empty)]
    [InlineData("{\"title\": ", ExtractionErrorCodes.MalformedJson)]
    public async Task IngestAsync_UnreadableFile_RecordsFailureWithoutThrowing(string content, string code)
    {
        var (storage, ingestor, _) = await NewAsync();
        await UploadAsync(storage, "bad.json", content);

        var record = await ingestor.IngestAsync("bad.json");

        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.Equal(code, record.ErrorCode);
        Assert.Empty(record.ArticleIds);
    }

    [Fact]
    public async Task IngestAsync_ReprocessTokenOnTheBlob_ReExtractsUnchangedContent()
    {
        var (storage, ingestor, articles) = await NewAsync();
        await UploadAsync(storage, "a.txt", "Harbour Reopens\n\nThe harbour reopened on Monday.");
        var first = await ingestor.IngestAsync("a.txt");
        await MarkForReprocessAsync(storage, "a.txt", "token-1");

        var reprocessed = await ingestor.IngestAsync("a.txt");
        var again = await ingestor.IngestAsync("a.txt");

        Assert.Equal(IngestionStatus.Succeeded, reprocessed.Status);
        Assert.Equal(2, (await articles.GetAsync(first.ArticleIds[0]))!.Version);
        Assert.Equal(IngestionStatus.Succeeded, again.Status); // the delivery after the reprocess changes nothing
        Assert.Equal(2, (await articles.GetAsync(first.ArticleIds[0]))!.Version);
    }

    [Fact]
    public async Task IngestAsync_BlobGone_RecordsFailure()
    {
        var (_, ingestor, _) = await NewAsync();

        var record = await ingestor.IngestAsync("never-uploaded.txt");

        Assert.Equal(IngestionStatus.Failed, record.Status);
        Assert.Equal("blob-not-found", record.ErrorCode);
    }

    private static string JsonArray(int count) =>
        "[" + string.Join(", ", Enumerable.Range(1, count).Select(i => $$"""{"title": "Story {{i}}", "body": "Story number {{i}} happened."}""")) + "]";

    private static async Task<List<string>> StoredIdsAsync(ArticleStore articles, string blob) =>
        (await articles.ListAsync(new ArticleListQuery(ArticleListQuery.MaxTop, null, null, null, null, null, blob))).Items.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

    private static IngestionSweeper Sweeper(IngestStorage storage, ArticleIngestor ingestor, ArticleStore articles) =>
        new(storage, new IngestionStore(storage), articles, ingestor, TimeProvider.System, new ArticleEvents(storage, TimeProvider.System), NullLogger<IngestionSweeper>.Instance);
}
