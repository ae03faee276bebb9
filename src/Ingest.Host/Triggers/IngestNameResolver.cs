using Ingest.Core.Composition;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;

namespace Ingest.Host.Triggers;

/// <summary>
/// Resolves <c>%Ingest:ArticlesContainer%</c> in the trigger attribute from the validated <see cref="IngestOptions"/>,
/// defaults included. (The Functions host resolves the same expression from its app settings.)
/// </summary>
internal sealed class IngestNameResolver(IOptions<IngestOptions> options) : INameResolver
{
    public const string ArticlesContainer = IngestOptions.SectionName + ":" + nameof(IngestOptions.ArticlesContainer);

    public string? Resolve(string name) => name == ArticlesContainer ? options.Value.ArticlesContainer : null;
}
