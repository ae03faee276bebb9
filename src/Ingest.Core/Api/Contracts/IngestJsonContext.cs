using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Core.Api.Contracts;

/// <summary>Source-generated JSON for every contract shape: camelCase, ISO dates.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)] // used through IngestJson.Context
[JsonSerializable(typeof(ArticleDto))]
[JsonSerializable(typeof(ArticleSummaryDto))]
[JsonSerializable(typeof(SectionDto))]
[JsonSerializable(typeof(ItemsDto<SectionDto>))]
[JsonSerializable(typeof(PageDto<ArticleSummaryDto>))]
[JsonSerializable(typeof(PageDto<IngestionDto>))]
[JsonSerializable(typeof(IngestionDto))]
[JsonSerializable(typeof(UploadAcceptedDto))]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(HealthReportDto))]
[JsonSerializable(typeof(EventGridValidationDto))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<SectionDto>))]
public sealed partial class IngestJsonContext : JsonSerializerContext;
