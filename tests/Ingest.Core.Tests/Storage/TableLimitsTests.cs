using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Ingest.Core.Storage;

namespace Ingest.Core.Tests.Storage;

/// <summary>Table Storage limits counted as the service counts them: characters per property and row, bytes on the wire.</summary>
public sealed class TableLimitsTests
{
    [Theory]
    [InlineData("plain ASCII text, with commas; and (brackets).")]
    [InlineData("Déjà vu à Montréal — «guillemets»")]
    [InlineData("東京の港が再開した。")]
    [InlineData("quotes \" and <tags> & 'apostrophes' + `ticks`")]
    [InlineData("emoji 😀 and a tab\tand a newline\n")]
    public void EstimateBytes_AnyText_IsAtLeastWhatTheSdkSends(string text)
    {
        var entity = new TableEntity("partition", "row") { ["Json0"] = string.Concat(Enumerable.Repeat(text, 1_000)) };
        // The Tables SDK writes entities with System.Text.Json's default escaping.
        var sent = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(entity.ToDictionary(p => p.Key, p => p.Value?.ToString())));

        Assert.True(TableBatches.EstimateBytes(entity) >= sent, $"Estimated {TableBatches.EstimateBytes(entity)} bytes; {sent} are sent.");
    }

    [Fact]
    public void ChunkForRows_SurrogatePairsOnEveryBoundary_EachPieceFitsOneRow()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 400_000));

        var pieces = LargeText.ChunkForRows(text).ToList();

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, piece =>
        {
            Assert.True(LargeText.FitsOneRow(piece));
            var row = new TableEntity("p", "r");
            LargeText.Write(row, "Json", piece);
            Assert.Equal(piece, LargeText.Read(row, "Json"));
        });
    }
}
