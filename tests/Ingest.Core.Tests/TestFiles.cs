namespace Ingest.Core.Tests;

/// <summary>Test data copied beside the test assembly (see the csproj).</summary>
internal static class TestFiles
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static byte[] Read(params string[] parts) => File.ReadAllBytes(Path(parts));

    public static byte[] Seed() => Read("Seed", "000_dafa8b1eafac571b.txt");
}
