using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Ingest.Core.Events;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Ingest.IntegrationTests.Events;

/// <summary>Events out through the outbox, on real Azurite: one CloudEvent per change that happened, none for one that did not, none lost.</summary>
[Collection(AzuriteTests.Name)]
public sealed class ArticleEventsTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task NewArticle_PublishesOneCreatedCloudEvent_AndLeavesNoOutboxRow()
    {
        var (storage, store) = await NewStoreAsync();
        var write = TestArticles.Make(storage.Options.ArticlesContainer, "desk/harbour.txt");

        await store.SaveAsync(write);

        var published = Assert.Single(await PublishedAsync(storage));
        Assert.Equal("1.0", published.SpecVersion);
        Assert.Equal(ArticleEventTypes.Created, published.Type);
        Assert.Equal(write.Article.Id, published.Subject);
        Assert.Equal($"/ingest/{storage.Options.ArticlesContainer}", published.Source);
        Assert.Equal("application/json", published.DataContentType);
        Assert.Equal(new ArticleEventData(write.Article.Id, 1, storage.Options.ArticlesContainer, "desk/harbour.txt", $"/api/articles/{write.Article.Id}"), published.Data);
        Assert.Matches("^[0-9a-f]{32}$", published.Id);
        Assert.Empty(await OutboxRowsAsync(storage));
    }

    [Fact]
    public async Task UnchangedRedelivery_PublishesNothing()
    {
        var (storage, store) = await NewStoreAsync();
        var write = TestArticles.Make(storage.Options.ArticlesContainer, "harbour.txt");

        await store.SaveAsync(write);
        var again = await store.SaveAsync(write);

        Assert.Equal(SaveOutcome.Unchanged, again.Outcome);
        Assert.Single(await PublishedAsync(storage));
    }

    [Fact]
    public async Task UpdateThenDelete_PublishUpdatedAndDeleted_WithTheirVersions()
    {
        var (storage, store) = await NewStoreAsync();
        var container = storage.Options.ArticlesContainer;
        var first = TestArticles.Make(container, "harbour.txt");
        var second = TestArticles.Make(container, "harbour.txt", lastModified: first.Blob.LastModified.AddMinutes(1), contentTag: "second");

        await store.SaveAsync(first);
        await store.SaveAsync(second);
        await store.DeleteAsync(first.Article.Id);
        await store.DeleteAsync(first.Article.Id); // gone already: no second delete event

        var published = await PublishedAsync(storage);
        Assert.Equal(
            [(ArticleEventTypes.Created, 1), (ArticleEventTypes.Updated, 2), (ArticleEventTypes.Deleted, 2)],
            published.Select(e => (e.Type, e.Data.Version)));
        Assert.Equal(3, published.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task HostDiesRightAfterTheCatalogWrite_TheSweepPublishesTheEvent()
    {
        // The host dies the moment storage has answered the catalog transaction: every later request fails as calls of a
        // dying process do, so nothing after the write (no publish, no further row) happens.
        var options = AzuriteFixture.NewOptions();
        var died = new StrongBox<bool>();
        var afterDeath = new FaultInjector(_ => died.Value, times: int.MaxValue) { ThrowInstead = new IOException("The host died.") };
        var lastCall = new RequestHook(r => FaultInjector.IsTransactionOn(r, options.ArticlesTable), () => { died.Value = true; return Task.CompletedTask; });
        var storage = await azurite.NewStorageAsync(options, client => { afterDeath.AddTo(client); lastCall.AddTo(client); });
        var store = new ArticleStore(storage, TimeProvider.System, new ArticleEvents(storage, _clock));
        var write = TestArticles.Make(options.ArticlesContainer, "harbour.txt");

        await store.SaveAsync(write);

        Assert.True(lastCall.Fired);
        Assert.True(afterDeath.Injected > 0);
        var survivorStorage = await azurite.ReopenStorageAsync(options);
        Assert.Empty(await PublishedAsync(survivorStorage));
        Assert.Single(await OutboxRowsAsync(survivorStorage));

        // The next host's sweep: not while the row is younger than the grace (its writer may still publish it), then once.
        var survivor = new ArticleEvents(survivorStorage, _clock);
        Assert.Equal(0, await survivor.DrainAsync());
        _clock.Advance(options.ArticleEventsGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await survivor.DrainAsync());
        Assert.Equal(0, await survivor.DrainAsync());

        var published = Assert.Single(await PublishedAsync(survivorStorage));
        Assert.Equal((ArticleEventTypes.Created, write.Article.Id, 1), (published.Type, published.Data.Id, published.Data.Version));
        Assert.Equal(write.Article.Id, (await new ArticleStore(survivorStorage, TimeProvider.System).GetAsync(write.Article.Id))?.Id);
        Assert.Empty(await OutboxRowsAsync(survivorStorage));
    }

    [Fact]
    public async Task QueueAway_WriteSucceeds_AndTheEventWaitsInTheOutbox()
    {
        var queueAway = new FaultInjector(IsSendToEventsQueue, times: 100) { ThrowInstead = new IOException("The queue is away.") };
        var (storage, store) = await NewStoreAsync(queueAway.AddTo);
        var write = TestArticles.Make(storage.Options.ArticlesContainer, "harbour.txt");

        var result = await store.SaveAsync(write);

        Assert.Equal(SaveOutcome.Written, result.Outcome);
        Assert.True(queueAway.Injected > 0);
        Assert.Empty(await PublishedAsync(storage));
        Assert.Single(await OutboxRowsAsync(storage));

        // A sweep while the queue is still away publishes nothing and does not fail (the sweep's other work stands).
        _clock.Advance(storage.Options.ArticleEventsGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(0, await new ArticleEvents(storage, _clock).DrainAsync());
        Assert.Single(await OutboxRowsAsync(storage));
    }

    [Fact]
    public async Task CatalogWriteFails_PublishesNothing_AndLeavesNoOutboxRow()
    {
        var options = AzuriteFixture.NewOptions();
        var broken = new FaultInjector(r => FaultInjector.IsTransactionOn(r, options.ArticlesTable), times: 100) { ThrowInstead = new IOException("Storage went away.") };
        var storage = await azurite.NewStorageAsync(options, broken.AddTo);
        var store = new ArticleStore(storage, TimeProvider.System, new ArticleEvents(storage, _clock));

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(TestArticles.Make(options.ArticlesContainer, "harbour.txt")));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await new ArticleEvents(storage, _clock).DrainAsync());
        Assert.Empty(await PublishedAsync(storage));
        Assert.Empty(await OutboxRowsAsync(storage));
    }

    private async Task<(IngestStorage Storage, ArticleStore Store)> NewStoreAsync(Action<Azure.Core.ClientOptions>? configure = null)
    {
        var storage = await azurite.NewStorageAsync(configure);
        return (storage, new ArticleStore(storage, TimeProvider.System, new ArticleEvents(storage, _clock)));
    }

    private static bool IsSendToEventsQueue(Azure.Core.Request request) =>
        request.Method == Azure.Core.RequestMethod.Post && request.Uri.Path.Contains("/article-events-", StringComparison.Ordinal)
        && request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal);

    private static async Task<List<ArticleCloudEvent>> PublishedAsync(IngestStorage storage)
    {
        var messages = (await storage.ArticleEventsQueue!.PeekMessagesAsync(32)).Value;
        return [.. messages.Select(m => ArticleCloudEvent.Parse(m.Body.ToString())!)];
    }

    private static async Task<List<TableEntity>> OutboxRowsAsync(IngestStorage storage)
    {
        var rows = new List<TableEntity>();
        foreach (var partition in CatalogKeys.Partitions)
        {
            await foreach (var row in storage.ArticlesTable.QueryAsync<TableEntity>(CatalogKeys.OutboxFilter(partition)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
