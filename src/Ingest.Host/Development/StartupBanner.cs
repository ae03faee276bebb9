namespace Ingest.Host.Development;

/// <summary>What the host prints once it listens: where the API is, and two requests to try.</summary>
internal static class StartupBanner
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static void Print(ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? DefaultUrl;
        Console.WriteLine($"""

            Ingest is running. API: {url}/api
              curl {url}/api/articles
              curl "{url}/api/ingestions?status=succeeded"
            Drop files into the 'articles' container (az storage blob upload ...) or POST them to {url}/api/articles?name=<file>.
            Press Ctrl+C to stop.

            """);
    }
}
