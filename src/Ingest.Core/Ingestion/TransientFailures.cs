using Azure;
using Ingest.Core.Storage;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ingest.Core.Ingestion;

/// <summary>Which failures may go away on their own (the trigger should retry), and how to describe one without leaking secrets.</summary>
public static class TransientFailures
{
    public static bool Are(Exception exception) => exception switch
    {
        RequestFailedException failed => StorageResilience.IsTransient(failed),
        BrokenCircuitException or TimeoutRejectedException or StorageConflictException or HttpRequestException or IOException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(Are),
        _ => false,
    };

    /// <summary>A one-line description: the status and error code of a storage failure, else the exception's type. Never a message that may echo a URL or key.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } => "Storage did not answer",
        RequestFailedException failed => $"Storage answered {failed.Status} {failed.ErrorCode}".TrimEnd(),
        _ => exception.GetType().Name,
    };
}
