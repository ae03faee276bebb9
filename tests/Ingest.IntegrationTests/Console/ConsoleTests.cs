using System.Net;
using System.Text;
using Ingest.Core.Storage;
using Ingest.IntegrationTests.Azurite;
using Ingest.IntegrationTests.EndToEnd;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ingest.IntegrationTests.Console;

/// <summary>
/// The console at <c>/</c> as a person uses it, in a real browser (Playwright driving Chromium) against a running host
/// on Azurite: files dropped or chosen, followed to their final status, articles opened and deleted. Screenshots at
/// desktop and phone widths are kept in the test output (<see cref="ConsoleBrowser.ScreenshotDirectory"/>).
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class ConsoleTests(RunningHost host, ConsoleBrowser browser) : IClassFixture<RunningHost>, IClassFixture<ConsoleBrowser>
{
    private const string Harbour = "Harbour Reopens After Storm Repairs\n\nBy Ann Lee | Published 3 March 2025\n\n"
        + "The harbour reopened on Monday after three weeks of repairs to the sea wall and the fish market, the port authority said.\n\n"
        + "Fishing boats returned to their moorings by the afternoon, and the market's stalls opened again on Tuesday morning.";

    private static readonly LocatorAssertionsToBeVisibleOptions UntilIngested = new() { Timeout = 90_000 };

    [ChromiumFact]
    public async Task DroppedFile_IsFollowedToSucceeded_ThenOpensAndDeletes()
    {
        var page = await OpenConsoleAsync(width: 1280, height: 900);
        var prefix = UniquePrefix();
        await page.GetByLabel("Blob name prefix").FillAsync(prefix);

        await DropAsync(page, "harbour.txt", Harbour);

        var row = page.Locator($"#uploads li[data-blob='{prefix}harbour.txt']");
        await Expect(row.Locator(".status-succeeded")).ToBeVisibleAsync(UntilIngested);
        await Expect(page.Locator("#upload-tally")).ToContainTextAsync("1 of 1 files done: 1 succeeded");
        await Expect(row).Not.ToContainTextAsync("null");
        await Expect(page.Locator("#article-list")).ToContainTextAsync("Harbour Reopens After Storm Repairs"); // the list follows new articles
        await Expect(page.Locator($"#recent li[data-blob='{prefix}harbour.txt'] .status-succeeded")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("desktop-console.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "open" }).ClickAsync();
        await Expect(page.Locator("#article-title")).ToHaveTextAsync("Harbour Reopens After Storm Repairs");
        await Expect(page.Locator("#article-byline")).ToContainTextAsync("By Ann Lee · Published 2025-03-03");
        await Expect(page.Locator("#article-sections")).ToContainTextAsync("The harbour reopened on Monday");
        await Expect(page.Locator("#article-details")).ToContainTextAsync($"{host.Options.ArticlesContainer}/{prefix}harbour.txt");
        await Expect(page.Locator("#article-details")).ToContainTextAsync("ETag\"0x");
        await Expect(page.Locator("#article-provenance dt").First).ToBeVisibleAsync();
        await Expect(page.Locator("#drop")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("desktop-article.png"), FullPage = true });

        // Delete asks first; cancelling leaves the article, confirming removes it and its blob.
        var id = BlobKeys.ArticleId(prefix + "harbour.txt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.Locator("#confirm-text")).ToContainTextAsync($"'{prefix}harbour.txt'");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync($"/api/articles/{id}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await Expect(page.Locator("#articles-status")).ToContainTextAsync("Deleted 'Harbour Reopens After Storm Repairs'");
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync($"/api/articles/{id}"));
        Assert.False(await host.Container.GetBlobClient(prefix + "harbour.txt").ExistsAsync());
    }

    [ChromiumFact]
    public async Task ChosenWithTheKeyboard_BrokenFile_ShowsItsError()
    {
        var page = await OpenConsoleAsync(width: 1280, height: 900);
        var prefix = UniquePrefix();
        await page.GetByLabel("Blob name prefix").FillAsync(prefix);

        var choose = page.GetByRole(AriaRole.Button, new() { Name = "Choose files" });
        await choose.FocusAsync();
        await Expect(choose).ToBeFocusedAsync();
        // Enter on the button must reach the hidden file input: its click is what opens the browser's file chooser. The
        // test watches for that click rather than for the chooser itself, which headless Chromium does not always report
        // for a key press (two CI runs timed out waiting for it with the button focused); the files are then given to
        // that input, as the chooser would. (The click is cancelled, so no chooser is left open.)
        await page.EvaluateAsync("() => document.getElementById('file-input').addEventListener('click', event => { event.preventDefault(); document.documentElement.dataset.fileInputClicked = 'true'; })");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-file-input-clicked", "true");
        await page.Locator("#file-input").SetInputFilesAsync(new FilePayload { Name = "broken.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{\"title\": \"Half a file\",") });

        var row = page.Locator($"#uploads li[data-blob='{prefix}broken.json']");
        await Expect(row.Locator(".status-failed")).ToBeVisibleAsync(UntilIngested);
        await Expect(row.Locator(".error")).ToContainTextAsync("malformed-json: The file is not valid JSON");
        var recent = page.Locator($"#recent li[data-blob='{prefix}broken.json']");
        await Expect(recent.Locator(".error")).ToContainTextAsync("malformed-json");
        await Expect(recent.GetByRole(AriaRole.Button, new() { Name = "Reprocess" })).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task ChosenFolder_EveryFileUnderItIsUploadedWithItsPath()
    {
        var folder = Directory.CreateTempSubdirectory("ingest-console-");
        try
        {
            var desk = Directory.CreateDirectory(Path.Combine(folder.FullName, "desk"));
            await File.WriteAllTextAsync(Path.Combine(desk.FullName, "harbour.txt"), Harbour);
            Directory.CreateDirectory(Path.Combine(desk.FullName, "more"));
            await File.WriteAllTextAsync(Path.Combine(desk.FullName, "more", "market.md"), "# Market Stalls Open Again\n\nThe fish market's stalls opened again on Tuesday, a day after the harbour did, traders said.\n");
            var page = await OpenConsoleAsync(width: 1280, height: 900);
            var prefix = UniquePrefix();
            await page.GetByLabel("Blob name prefix").FillAsync(prefix);

            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Choose a folder" }).ClickAsync());
            await chooser.SetFilesAsync(desk.FullName);

            await Expect(page.Locator($"#uploads li[data-blob='{prefix}desk/harbour.txt'] .status-succeeded")).ToBeVisibleAsync(UntilIngested);
            await Expect(page.Locator($"#uploads li[data-blob='{prefix}desk/more/market.md'] .status-succeeded")).ToBeVisibleAsync(UntilIngested);
            await Expect(page.Locator("#upload-tally")).ToContainTextAsync("2 of 2 files done: 2 succeeded");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [ChromiumFact]
    public async Task WithoutTheKey_UploadIsRejectedWithTheReason()
    {
        var page = await OpenConsoleAsync(width: 1280, height: 900, key: null);
        var prefix = UniquePrefix();
        await page.GetByLabel("Blob name prefix").FillAsync(prefix);

        await DropAsync(page, "harbour.txt", Harbour);

        var row = page.Locator($"#uploads li[data-blob='{prefix}harbour.txt']");
        await Expect(row.Locator(".status-rejected")).ToBeVisibleAsync();
        await Expect(row.Locator(".error")).ToContainTextAsync("Set the function key");
        Assert.False(await host.Container.GetBlobClient(prefix + "harbour.txt").ExistsAsync());
    }

    [ChromiumFact]
    public async Task AtPhoneWidth_NothingScrollsSideways_AndEveryFieldHasALabel()
    {
        var prefix = UniquePrefix();
        var blob = prefix + "a-rather-long-folder-name/and-a-long-file-name-for-a-narrow-screen.txt";
        await host.Container.GetBlobClient(blob).UploadAsync(BinaryData.FromString(Harbour));
        var ingestion = await host.WaitForIngestionAsync(blob);
        var id = Assert.Single(ingestion.ArticleIds);

        var page = await OpenConsoleAsync(width: 375, height: 812);
        await page.GetByLabel("Source blob").FillAsync(blob);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#article-list li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#article-list li")).ToContainTextAsync("Harbour Reopens After Storm Repairs");
        await Expect(page.Locator($"#recent li[data-blob='{blob}']")).ToBeVisibleAsync();
        Assert.True(await FitsAsync(page), "The console scrolls sideways at 375 px.");
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('input:not([type=file])')].filter(i => i.labels.length === 0).length"));
        await page.ScreenshotAsync(new() { Path = Screenshot("phone-console.png"), FullPage = true });

        await page.Locator("#article-list a").ClickAsync();
        await Expect(page.Locator("#article-title")).ToHaveTextAsync("Harbour Reopens After Storm Repairs");
        Assert.EndsWith($"#/article/{id}", page.Url, StringComparison.Ordinal);
        Assert.True(await FitsAsync(page), "The article view scrolls sideways at 375 px.");
        await page.ScreenshotAsync(new() { Path = Screenshot("phone-article.png"), FullPage = true });
    }

    private async Task<IPage> OpenConsoleAsync(int width, int height, string? key = RunningHost.ApiKey)
    {
        var page = await browser.NewPageAsync(host.Client.BaseAddress!, width, height);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Drop files" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true"); // the module script has run: handlers attached
        if (key is not null)
        {
            await page.Locator(".key summary").ClickAsync();
            await page.GetByLabel("Function key").FillAsync(key);
        }

        return page;
    }

    /// <summary>Drops one file on the drop zone as a browser does (a <c>drop</c> event carrying it).</summary>
    private static Task DropAsync(IPage page, string name, string text) => page.EvaluateAsync(
        """
        ([name, text]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], name, { type: "text/plain" }));
          document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
        """,
        new[] { name, text });

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");

    private async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static string UniquePrefix() => $"ui-{Guid.NewGuid():N}"[..15] + "/";

    private static string Screenshot(string name) => Path.Combine(ConsoleBrowser.ScreenshotDirectory, name);
}
