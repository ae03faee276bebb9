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

    [Theory]
    [InlineData(1)] // one value of millions of characters: longer than any buffer on the way
    [InlineData(40_000)] // many short values: pieces end inside values and between them
    public void JsonPieces_TextWithSurrogatePairsAndTwoByteLetters_IsCutAsChunkCutsTheWholeJson(int values)
    {
        var text = string.Concat(Enumerable.Repeat("a😀é", 1_200_000 / values));
        var value = Enumerable.Repeat(text, values).ToList();
        var json = JsonSerializer.Serialize(value, StorageJson.Context.ListString);

        var pieces = JsonPieces.Serialize(value, StorageJson.Context.ListString);

        Assert.Equal(LargeText.Chunk(json, LargeText.MaxCharsPerProperty), pieces);
        foreach (var rowPieces in pieces!.Chunk(LargeText.MaxPropertiesPerRow))
        {
            var row = new TableEntity("p", "r");
            LargeText.Write(row, "Json", rowPieces);
            Assert.Equal(string.Concat(rowPieces), LargeText.Read(row, "Json"));
        }
    }

    [Fact]
    public void JsonPieces_MoreThanTheMostAllowed_IsNull()
    {
        var value = new List<string> { new('a', LargeText.MaxCharsPerRow) };

        Assert.Null(JsonPieces.Serialize(value, StorageJson.Context.ListString, LargeText.MaxPropertiesPerRow));
        Assert.Equal(LargeText.MaxPropertiesPerRow + 1, JsonPieces.Serialize(value, StorageJson.Context.ListString, LargeText.MaxPropertiesPerRow + 1)!.Count);
    }
}
