namespace Ingest.Core.Tests.RealPages;

/// <summary>
/// Where <c>real-pages</c> is: <c>INGEST_REAL_PAGES</c> when set, else <c>../shared/real-pages</c> beside the repository (as
/// on every developer machine and in CI). Missing, it is an error, not a reason to skip: the quality floors must hold.
/// </summary>
internal static class RealPagesFolder
{
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("INGEST_REAL_PAGES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "real-pages"));
                return Directory.Exists(folder)
                    ? folder
                    : throw new DirectoryNotFoundException($"real-pages not found at {folder}; set INGEST_REAL_PAGES to its folder.");
            }
        }

        throw new DirectoryNotFoundException("The repository root (Ingest.sln) was not found above the test assembly; set INGEST_REAL_PAGES.");
    }
}
