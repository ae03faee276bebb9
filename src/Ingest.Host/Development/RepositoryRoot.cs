namespace Ingest.Host.Development;

/// <summary>Finds the repository root (the folder with <c>Ingest.sln</c>): where Azurite's package.json, its data folder and <c>seeds/</c> are.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
