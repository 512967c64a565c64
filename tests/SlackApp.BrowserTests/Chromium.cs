using Microsoft.Playwright;

namespace SlackApp.BrowserTests;

/// <summary>Debian's chromium driven by Playwright: never a downloaded browser; tests skip when it is not installed.</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Flags that let chromium run headless as root in a container without a GPU or a /dev/shm of size.</summary>
    public static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static void SkipWhenMissing() =>
        Assert.SkipWhen(!File.Exists(ExecutablePath), $"Browser tests need Debian's chromium at {ExecutablePath} (apt-get install chromium; .ci/run installs it).");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
        return (playwright, browser);
    }
}
