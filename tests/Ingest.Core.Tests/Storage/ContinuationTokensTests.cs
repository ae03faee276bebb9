using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

public sealed class ContinuationTokensTests
{
    private static readonly ContinuationTokens Tokens = ContinuationTokens.ForSecret("UseDevelopmentStorage=true");
    private const string Query = "Articles|PartitionKey eq 'catalog'";

    [Fact]
    public void Encode_ThenDecode_GivesTheServiceTokenBack()
    {
        var token = Tokens.Encode("1!12!Y2F0YWxvZw-- 1!20!bHw5OTk", Query);

        Assert.True(Tokens.TryDecode(token, Query, out var decoded));
        Assert.Equal("1!12!Y2F0YWxvZw-- 1!20!bHw5OTk", decoded);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void TryDecode_TokenOfAnotherQuery_IsRefused()
    {
        var token = Tokens.Encode("next", Query);

        Assert.False(Tokens.TryDecode(token, "Articles|PartitionKey eq 'other'", out _));
    }

    [Fact]
    public void TryDecode_TokenOfAnotherDeployment_IsRefused()
    {
        var token = ContinuationTokens.ForSecret("AccountName=other").Encode("next", Query);

        Assert.False(Tokens.TryDecode(token, Query, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token!")]
    [InlineData("bmV4dA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAbmV4dA")]
    public void TryDecode_ForgedToken_IsRefused(string token)
    {
        Assert.False(Tokens.TryDecode(token, Query, out _));
    }

    [Fact]
    public void TryDecode_OneCharacterChanged_IsRefused()
    {
        var token = Tokens.Encode("a longer service token to alter", Query)!;
        var altered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        Assert.False(Tokens.TryDecode(altered, Query, out _));
    }

    [Fact]
    public void TryDecode_NoToken_IsTheFirstPage()
    {
        Assert.True(Tokens.TryDecode(null, Query, out var decoded));
        Assert.Null(decoded);
    }
}
