using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Cli.Push;

namespace Ingest.Cli;

/// <summary>The CLI's own JSON: the profiles file, and what <c>--json</c> prints beyond the API's shapes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, Profile>))]
[JsonSerializable(typeof(PushReport))]
[JsonSerializable(typeof(RemovedArticle))]
internal sealed partial class CliJson : JsonSerializerContext;

/// <summary>What <c>rm --json</c> prints.</summary>
public sealed record RemovedArticle(string Deleted, string Blob);
