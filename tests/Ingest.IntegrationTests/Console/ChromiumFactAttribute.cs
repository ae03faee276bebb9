namespace Ingest.IntegrationTests.Console;

/// <summary>
/// A test that drives the console in Chromium. Browsers cannot be downloaded here, so the tests use the machine's:
/// Debian's <c>chromium</c> (.ci/run installs it with apt-get) or the one <c>INGEST_CHROMIUM</c> names. Without one the
/// test is skipped, saying so, so that the README's test command still runs on a machine with only .NET and Node.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ConsoleBrowser.ExecutablePath is null)
        {
            Skip = $"No Chromium: install Debian's chromium (apt-get install chromium) or set INGEST_CHROMIUM to a Chromium binary.";
        }
    }
}
