namespace SlackApp.Slack.Tests.Conformance;

/// <summary>
/// Locates ../shared/slack-fixtures beside the repository (present in CI). Conformance tests call
/// <see cref="RequireRoot"/> and skip themselves when the folder is absent.
/// </summary>
internal static class SlackFixtures
{
    public static string? Root { get; } = Locate();

    public static string RequireRoot()
    {
        Assert.SkipWhen(Root is null, "../shared/slack-fixtures is not present on this machine.");
        return Root!;
    }

    public static string PathOf(string relative) => Path.Combine(RequireRoot(), relative);

    public static IEnumerable<string> Files(string relativeFolder, string pattern = "*.json")
    {
        var folder = PathOf(relativeFolder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Order()
            : [];
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SLACKAPP_FIXTURES");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlackApp.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "slack-fixtures"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
