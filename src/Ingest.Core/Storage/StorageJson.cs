using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Core.Storage;

/// <summary>
/// The serializer for what storage keeps in JSON: its own shapes (<see cref="StoredArticle"/>), source-generated, with
/// only the escaping JSON requires so non-ASCII text is stored as itself (the wire limits count it as the SDK sends it).
/// </summary>
internal static class StorageJson
{
    public static StorageJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

[JsonSerializable(typeof(StoredArticle))]
[JsonSerializable(typeof(StoredSummary))]
[JsonSerializable(typeof(StoredSection))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
