using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Ingest.Load;

/// <summary>
/// A subscriber to the article events queue for the length of a burst: receives the events as they come and deletes each
/// one read, as a consumer of them would. Without one the events wait in the queue, and Azurite's every dequeue (the
/// trigger's own queue included) grows slower with each message waiting in any queue.
/// </summary>
internal sealed class EventSubscriber : IAsyncDisposable
{
    private const int MessagesPerReceive = 32;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _read;

    public EventSubscriber(QueueClient queue) => _reading = ReadAsync(queue, _stop.Token);

    public int Read => Volatile.Read(ref _read);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadAsync(QueueClient queue, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(MessagesPerReceive, cancellationToken: stop);
                await Task.WhenAll(messages.Select(message => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stop)));
                Interlocked.Add(ref _read, messages.Length);
                if (messages.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The burst is over.
        }
    }
}
