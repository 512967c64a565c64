using Microsoft.Playwright;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.BrowserTests;

/// <summary>One app in sandbox mode and one chromium, shared by the tests of a class; each test opens its own page.</summary>
public sealed class SandboxBrowser : IAsyncLifetime
{
    private readonly bool _socketMode;

    public SandboxBrowser()
        : this(socketMode: false)
    {
    }

    /// <param name="socketMode">True: the sandbox reaches the app over Socket Mode instead of /slack/events.</param>
    internal SandboxBrowser(bool socketMode) => _socketMode = socketMode;

    /// <summary>
    /// How long an action or an expectation may wait. Generous: on a loaded two-core CI machine a signal takes
    /// intake, matching and delivery before its message shows, and a cold app answers its first request slowly.
    /// </summary>
    public const float Timeout = 30_000;

    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    public BrowserApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium.ExecutablePath))
        {
            return;
        }

        // Expect(...) otherwise waits Playwright's 5 s: too short for a notification on a loaded machine.
        Assertions.SetDefaultExpectTimeout(Timeout);
        App = new BrowserApp(_socketMode);
        App.StartServer();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A new page on the sandbox, acting as <paramref name="userId"/>, once the page has drawn.</summary>
    public async Task<IPage> OpenAsync(string userId = "U0YOU")
    {
        Chromium.SkipWhenMissing();
        // The page of the test before stops long-polling and redrawing: it would only take CPU from this one.
        await CloseContextAsync();
        // The tests of a class share one workspace: each starts with no modal left open by the one before.
        App.Service<SandboxWorkspace>().ClearModals(userId);
        _context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 960 } });
        _context.SetDefaultTimeout(Timeout);
        var page = await _context.NewPageAsync();
        await page.GotoAsync($"{App.BaseUrl}/sandbox?as={userId}");
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseContextAsync();
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

    private async Task CloseContextAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
            _context = null;
        }
    }
}

/// <summary>A <see cref="SandboxBrowser"/> whose sandbox talks to the app over Socket Mode.</summary>
public sealed class SocketModeSandboxBrowser : IAsyncLifetime
{
    public SandboxBrowser Sandbox { get; } = new(socketMode: true);

    public ValueTask InitializeAsync() => Sandbox.InitializeAsync();

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
