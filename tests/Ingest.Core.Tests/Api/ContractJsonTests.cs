using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Core.Api.Contracts;

namespace Ingest.Core.Tests.Api;

/// <summary>The JSON field names clients read, as ../shared/contract/http-api.md spells them.</summary>
public sealed class ContractJsonTests
{
    [Fact]
    public void Ingestion_NamesItsFieldsAsTheContract()
    {
        var json = JsonSerializer.Serialize(
            new IngestionDto("a.txt", "failed", [], 1, new IngestionErrorDto("empty", "Empty."), "\"0x1\"", DateTimeOffset.UnixEpoch),
            IngestJson.Context.IngestionDto);

        Assert.Equal(["blob", "status", "articleIds", "attempts", "error", "etag", "updatedAt"], Names(json));
    }

    [Fact]
    public void ArticleSource_NamesItsFieldsAsTheContract()
    {
        var article = new ArticleDto
        {
            Id = "id", Title = "T", Subtitle = null, Authors = [], PublishedAt = null, UpdatedAt = null, Category = null, Tags = [],
            Summary = [], Dateline = null, ImageCredits = [], Language = null, WordCount = 0, ReadingTimeMinutes = 0, SectionCount = 0,
            Source = new ArticleSourceDto("articles", "a.txt", "\"0x1\"", "abc", 10, "text", "utf-8"),
            Provenance = new ProvenanceDto(null, null, null, null, null, null), Sections = [], Version = 1, IngestedAt = DateTimeOffset.UnixEpoch,
        };

        var json = JsonSerializer.Serialize(article, IngestJson.Context.ArticleDto);

        Assert.Equal(["container", "blob", "etag", "contentHash", "sizeBytes", "format", "encoding"], Names(JsonNode.Parse(json)!["source"]!.ToJsonString()));
    }

    [Fact]
    public void UploadAccepted_NamesTheVersionWrittenEtag()
    {
        var json = JsonSerializer.Serialize(new UploadAcceptedDto("a.txt", "/api/ingestions?blob=a.txt", "\"0x1\""), IngestJson.Context.UploadAcceptedDto);

        Assert.Equal(["blob", "statusUrl", "etag"], Names(json));
    }

    private static List<string> Names(string json) => JsonNode.Parse(json)!.AsObject().Select(p => p.Key).ToList();
}
