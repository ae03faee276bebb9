namespace Ingest.Host.Development;

/// <summary>What the host prints once it listens: where the API is, and two requests to try.</summary>
internal static class StartupBanner
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static void Print(ICollection<string> urls, string container, bool usesEmulator)
    {
        var url = urls.FirstOrDefault() ?? DefaultUrl;
        Console.WriteLine($"""

            Ingest is running. API: {url}/api
              curl {url}/api/articles
              curl "{url}/api/ingestions?status=succeeded"
            Drop files into the '{container}' container, or POST them to {url}/api/articles?name=<file>.
            """);
        if (usesEmulator)
        {
            // Older az releases (Debian's 2.45) do not expand the UseDevelopmentStorage=true shorthand: give them the whole string.
            Console.WriteLine($"""
                With the Azure CLI:
                  export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName={LocalAzurite.AccountName};AccountKey={LocalAzurite.AccountKey};BlobEndpoint=http://127.0.0.1:10000/{LocalAzurite.AccountName};"
                  az storage blob upload -c {container} -f seeds/kestrel-bay-harbour-cup.txt -n kestrel.txt
                """);
        }

        Console.WriteLine("Press Ctrl+C to stop." + Environment.NewLine);
    }
}
