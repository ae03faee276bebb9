namespace Ingest.Benchmarks;

/// <summary>The real pages of one shape (<c>.html</c>, <c>.txt</c>, <c>.md</c>) as bytes, found as the tests find them.</summary>
public static class RealPageFiles
{
    public static IReadOnlyList<(string Name, byte[] Bytes)> Load(string extension)
    {
        var pages = Path.Combine(Folder(), "pages");
        return Directory.GetFiles(pages, "*" + extension).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
    }

    private static string Folder()
    {
        if (Environment.GetEnvironmentVariable("INGEST_REAL_PAGES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "real-pages"));
            }
        }

        throw new DirectoryNotFoundException("real-pages not found: set INGEST_REAL_PAGES.");
    }
}
