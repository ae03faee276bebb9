using Ingest.Core.Ingestion;

namespace Ingest.Core.Tests.Ingestion;

public sealed class BlobRunGateTests
{
    [Fact]
    public async Task EnterAsync_SameBlob_WaitsUntilTheRunUnderWayLeaves()
    {
        var gate = new BlobRunGate();
        var first = await gate.EnterAsync("a.txt");

        var second = gate.EnterAsync("a.txt").AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task EnterAsync_OtherBlob_DoesNotWait()
    {
        var gate = new BlobRunGate();
        using var first = await gate.EnterAsync("a.txt");

        var other = gate.EnterAsync("b.txt").AsTask();

        Assert.True(other.IsCompleted);
        (await other).Dispose();
    }

    [Fact]
    public async Task EnterAsync_WaitCancelled_LeavesTheGateAsItWas()
    {
        var gate = new BlobRunGate();
        var first = await gate.EnterAsync("a.txt");
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync("a.txt", cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        first.Dispose();
        first.Dispose(); // a second dispose lets nobody else in

        using var next = await gate.EnterAsync("a.txt").AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.EnterAsync("a.txt").AsTask().IsCompleted);
    }
}
