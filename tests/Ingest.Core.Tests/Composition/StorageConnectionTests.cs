using Azure.Identity;
using Ingest.Core.Composition;
using Ingest.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Tests.Composition;

/// <summary><c>AzureWebJobsStorage</c> read the Functions way: a connection string, or an identity-based connection.</summary>
public sealed class StorageConnectionTests
{
    private const string SigningKey = "a-signing-key-of-at-least-32-characters";

    [Fact]
    public void ConnectionString_BuildsKeyedClientsForIt()
    {
        var storage = Storage(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.False(storage.Connection.UsesIdentity);
        Assert.Equal("127.0.0.1:10000", storage.Blobs.Uri.Authority);
        Assert.Equal("127.0.0.1:10002", storage.Tables.Uri.Authority);
        Assert.Equal("127.0.0.1:10001", storage.Queues.Uri.Authority);
    }

    [Fact]
    public void AccountName_BuildsEveryServiceFromItWithDefaultAzureCredential()
    {
        var storage = Storage(new() { ["AzureWebJobsStorage:accountName"] = "acme", ["Ingest:TokenSigningKey"] = SigningKey });

        Assert.True(storage.Connection.UsesIdentity);
        Assert.Equal(new Uri("https://acme.blob.core.windows.net/"), storage.Blobs.Uri);
        Assert.Equal(new Uri("https://acme.queue.core.windows.net/"), storage.Queues.Uri);
        Assert.Equal(new Uri("https://acme.table.core.windows.net/"), storage.Tables.Uri);
        Assert.IsType<DefaultAzureCredential>(storage.Connection.Credential);
        Assert.Equal("acme", storage.Articles.Container.AccountName);
    }

    [Fact]
    public void ServiceUrisAndManagedIdentity_AreTakenAsGiven()
    {
        var storage = Storage(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://queues.example.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["Ingest:TokenSigningKey"] = SigningKey,
        });

        Assert.Equal(new Uri("https://blobs.example.net/"), storage.Blobs.Uri);
        Assert.Equal(new Uri("https://queues.example.net/"), storage.Queues.Uri);
        Assert.Equal(new Uri("https://tables.example.net/"), storage.Tables.Uri);
        Assert.IsType<ManagedIdentityCredential>(storage.Connection.Credential);
    }

    [Fact]
    public void BlobServiceUriAlone_FailsNamingWhatIsMissing()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Storage(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.net",
            ["Ingest:TokenSigningKey"] = SigningKey,
        }));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__tableServiceUri", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NoConnection_FailsSayingWhatToSet(string? value)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Storage(new() { ["AzureWebJobsStorage"] = value }));

        Assert.Contains("AzureWebJobsStorage__accountName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideDevelopment_WithoutTokenSigningKey_StartUpFailsSayingSo()
    {
        var services = IngestOptionsTests.Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }, environment: "Production");

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IngestOptions>>().Value);
        Assert.Contains("Ingest:TokenSigningKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenSigningKey_NotTheConnection_KeysTheTokens()
    {
        var query = "Articles|q";
        var one = Storage(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Ingest:TokenSigningKey"] = SigningKey }, "Production");
        var sameKeyOtherAccount = Storage(new() { ["AzureWebJobsStorage:accountName"] = "acme", ["Ingest:TokenSigningKey"] = SigningKey }, "Production");
        var otherKey = Storage(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Ingest:TokenSigningKey"] = SigningKey + "!" }, "Production");

        var token = one.ContinuationTokens.Encode("next", query);

        Assert.True(sameKeyOtherAccount.ContinuationTokens.TryDecode(token, query, out _));
        Assert.False(otherKey.ContinuationTokens.TryDecode(token, query, out _));
    }

    [Fact]
    public void IdentityInDevelopmentWithoutTokenSigningKey_FailsSayingSo()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Storage(new() { ["AzureWebJobsStorage:accountName"] = "acme" }));

        Assert.Contains("Ingest:TokenSigningKey", exception.Message, StringComparison.Ordinal);
    }

    private static IngestStorage Storage(Dictionary<string, string?> settings, string environment = "Development") =>
        IngestOptionsTests.Build(settings, environment).GetRequiredService<IngestStorage>();
}
