using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

public sealed class MemoryBudgetTests
{
    [Fact]
    public async Task Give_OfALargeFile_QueuesOneCollectionAndOfASmallOneNone()
    {
        var collected = new SemaphoreSlim(0);
        var budget = new MemoryBudget(100, collectAfterBytes: 25, collect: () => collected.Release());

        (await budget.TakeAsync(10)).Dispose();
        (await budget.TakeAsync(24)).Dispose();
        Assert.False(await collected.WaitAsync(TimeSpan.FromMilliseconds(200)));

        (await budget.TakeAsync(25)).Dispose();
        Assert.True(await collected.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(await collected.WaitAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task CollectGarbage_OfALargeShare_CollectsAtOnceAndOfASmallOneNot()
    {
        // The ingestor asks between extracting a file and writing its rows: the file's text is garbage by then.
        var collections = 0;
        var budget = new MemoryBudget(100, collectAfterBytes: 25, collect: () => collections++);
        using var small = await budget.TakeAsync(24);
        using var large = await budget.TakeAsync(25);

        small.CollectGarbage();
        Assert.Equal(0, collections);

        large.CollectGarbage();
        Assert.Equal(1, collections);
    }

    [Fact]
    public async Task TakeAsync_MoreThanIsFree_WaitsUntilEnoughIsGivenBack()
    {
        var budget = new MemoryBudget(100);
        var first = await budget.TakeAsync(70);

        var second = budget.TakeAsync(50).AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task TakeAsync_LargerThanTheBudget_RunsAloneInsteadOfNever()
    {
        var budget = new MemoryBudget(100);
        var small = await budget.TakeAsync(10);

        var huge = budget.TakeAsync(1_000).AsTask();
        await Task.Delay(50);
        Assert.False(huge.IsCompleted);

        small.Dispose();
        (await huge.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task TakeAsync_SmallFileBehindAWaitingLargeOne_WaitsInArrivalOrder()
    {
        var budget = new MemoryBudget(100);
        var held = await budget.TakeAsync(60);
        var large = budget.TakeAsync(80).AsTask();
        var small = budget.TakeAsync(10).AsTask();
        await Task.Delay(50);

        Assert.False(small.IsCompleted); // It would fit, but the large one came first and would starve.
        held.Dispose();
        (await large.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await small.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task TakeAsync_Cancelled_LeavesTheQueueAndTakesNothing()
    {
        var budget = new MemoryBudget(100);
        var held = await budget.TakeAsync(100);
        using var cancel = new CancellationTokenSource();

        var waiting = budget.TakeAsync(50, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose(); // Giving back twice gives back once.
        var all = await budget.TakeAsync(100).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var more = budget.TakeAsync(1).AsTask();
        await Task.Delay(50);
        Assert.False(more.IsCompleted);
        all.Dispose();
        (await more.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
