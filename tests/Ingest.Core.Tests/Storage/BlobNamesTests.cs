using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

public sealed class BlobNamesTests
{
    [Theory]
    [InlineData("x/../../azure-webjobs-hosts/evil.txt")]
    [InlineData("./dot.txt")]
    [InlineData("a/./b/../c.txt")]
    [InlineData("news/..")]
    [InlineData("..")]
    [InlineData("/leading.txt")]
    [InlineData("trailing/")]
    [InlineData("ends-with-a-dot.")]
    [InlineData("tab\there.txt")]
    [InlineData("   ")]
    public void Problem_NameTheServiceWouldNotStoreAsGiven_IsRefused(string name) =>
        Assert.NotNull(BlobNames.Problem(name));

    [Theory]
    [InlineData("a.txt")]
    [InlineData("news/2024/harbour.txt")]
    [InlineData("a..b.txt")]
    [InlineData("...txt")]
    [InlineData(".hidden")]
    [InlineData("Ünïcödé name 東京.md")]
    [InlineData("100% sure?.txt")]
    [InlineData("a#b&c=d.html")]
    public void Problem_OrdinaryName_IsAccepted(string name) =>
        Assert.Null(BlobNames.Problem(name));

    [Theory]
    [InlineData("a/./b/../c.txt", "a/c.txt")]
    [InlineData("./dot.txt", "dot.txt")]
    public void AsStored_DotSegments_ResolveAsTheServiceResolvesThem(string name, string stored) =>
        Assert.Equal(stored, BlobNames.AsStored(name));
}
