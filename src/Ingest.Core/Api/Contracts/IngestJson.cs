using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingest.Core.Api.Contracts;

/// <summary>
/// The serializer every contract shape goes through: source-generated, camelCase, and with only the escaping
/// JSON requires, so quotes and non-ASCII text read as themselves (<c>"\"0x8D…\""</c>, <c>"£4.2m"</c>).
/// </summary>
public static class IngestJson
{
    public static IngestJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
