using Azure;
using Ingest.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Ingest.Core.Tests.Api;

/// <summary>Storage trouble that may pass is a 503; a storage answer that says our code is wrong is a bug, and reaches the host's error handling.</summary>
public sealed class ProblemBoundaryTests
{
    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(0)]
    public async Task RunAsync_TransientStorageFailure_IsServiceUnavailable(int status)
    {
        var result = await ProblemBoundary.RunAsync(() => throw new RequestFailedException(status, "storage trouble"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, (result as IStatusCodeHttpResult)?.StatusCode);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task RunAsync_StorageRefusingWhatWeSent_IsNotHiddenAsUnavailable(int status) =>
        await Assert.ThrowsAsync<RequestFailedException>(() => ProblemBoundary.RunAsync(() => throw new RequestFailedException(status, "refused")));
}
