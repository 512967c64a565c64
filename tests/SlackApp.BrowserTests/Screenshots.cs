using Microsoft.Playwright;

namespace SlackApp.BrowserTests;

/// <summary>Writes the README's screenshots to <c>docs/screenshots/</c> of the repository the tests run from.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name, ILocator? element = null)
    {
        if (RepositoryRoot() is not { } root)
        {
            return;
        }

        var path = Path.Combine(root, "docs", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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
