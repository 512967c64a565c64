using Microsoft.Playwright;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.BrowserTests;

/// <summary>One app in sandbox mode and one chromium, shared by the tests of a class; each test opens its own page.</summary>
public sealed class SandboxBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            return;
        }

        App = new BrowserApp();
        App.StartServer();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A new page on the sandbox, acting as <paramref name="userId"/>, once the page has drawn.</summary>
    public async Task<IPage> OpenAsync(string userId = "U0YOU")
    {
        Chromium.SkipWhenMissing();
        // The tests of a class share one workspace: each starts with no modal left open by the one before.
        App.Service<SandboxWorkspace>().ClearModals(userId);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 960 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"{App.BaseUrl}/sandbox?as={userId}");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
