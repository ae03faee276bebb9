namespace Ingest.Host;

/// <summary>
/// <c>dotnet Ingest.Host.dll probe {url}</c>: one GET, exit code 0 when it answers 2xx, 1 otherwise. The container
/// image's health check, which has no curl.
/// </summary>
internal static class HealthProbe
{
    public static bool IsRequested(string[] args) => args is ["probe", _];

    public static async Task<int> RunAsync(string[] args)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(args[1]));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return 1;
        }
    }
}
