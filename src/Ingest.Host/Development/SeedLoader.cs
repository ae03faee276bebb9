using Ingest.Core.Storage;

namespace Ingest.Host.Development;

/// <summary>In Development, fills an empty articles container with the repository's <c>seeds/</c>, so a first run has something to show.</summary>
internal sealed partial class SeedLoader(IngestStorage storage, ILogger<SeedLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seeds = RepositoryRoot.Find() is { } root ? Path.Combine(root, "seeds") : null;
        if (seeds is null || !Directory.Exists(seeds))
        {
            return;
        }

        await storage.EnsureCreatedAsync(stoppingToken);
        if (!await storage.Articles.IsEmptyAsync(stoppingToken))
        {
            return; // Not empty: leave the user's files alone.
        }

        var files = Directory.GetFiles(seeds).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            await storage.Articles.UploadAsync(Path.GetFileName(file), BinaryData.FromBytes(await File.ReadAllBytesAsync(file, stoppingToken)), stoppingToken);
        }

        LogSeeded(logger, files.Count, seeds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The articles container was empty: uploaded {Count} sample articles from {Folder}; the trigger picks them up within about 10 s.")]
    private static partial void LogSeeded(ILogger logger, int count, string folder);
}
