using Microsoft.Playwright;

namespace SlackApp.BrowserTests;

/// <summary>
/// The README's screenshots. Written to the test output's <c>screenshots/</c> on every run, and to the repository's
/// <c>docs/screenshots/</c> (the committed ones) when <c>SLACKAPP_UPDATE_SCREENSHOTS=1</c>, so a plain test run
/// leaves the working tree clean.
/// </summary>
internal static class Screenshots
{
    public const string UpdateVariable = "SLACKAPP_UPDATE_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string name, ILocator? element = null)
    {
        var folder = Environment.GetEnvironmentVariable(UpdateVariable) == "1" && RepositoryRoot() is { } root
            ? Path.Combine(root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        if (element is null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        }
        else
        {
            await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlackApp.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
