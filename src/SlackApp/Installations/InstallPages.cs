using System.Text.Encodings.Web;

namespace SlackApp.Installations;

/// <summary>The small HTML pages of the install flow: "Add to Slack", success, and what went wrong.</summary>
internal static class InstallPages
{
    public static IResult AddToSlack(string authorizeUrl) => Page(
        StatusCodes.Status200OK,
        "Install UserGems Signals",
        $"""
        <p>Hear in Slack when something happens at your accounts. A workspace admin installs the app once;
        everyone then configures workflows with <code>/usergems workflow</code> and the app's Home tab.</p>
        <p><a class="button" href="{Attr(authorizeUrl)}">Add to Slack</a></p>
        """);

    public static IResult NotConfigured() => Page(
        StatusCodes.Status503ServiceUnavailable,
        "Installation is not set up",
        "<p>This server has no Slack OAuth credentials. Set <code>Slack:ClientId</code> and <code>Slack:ClientSecret</code> (see the README), or run in single-workspace mode with <code>Slack:BotToken</code>.</p>");

    public static IResult Installed(string? teamId, string? teamName, string? appId)
    {
        var home = appId is null ? null : $"slack://app?team={Uri.EscapeDataString(teamId ?? string.Empty)}&id={Uri.EscapeDataString(appId)}&tab=home";
        var web = appId is null ? null : $"https://slack.com/app_redirect?app={Uri.EscapeDataString(appId)}&team={Uri.EscapeDataString(teamId ?? string.Empty)}";
        var links = home is null
            ? "<p>Open Slack and find <strong>UserGems Signals</strong> under Apps.</p>"
            : $"""<p><a class="button" href="{Attr(home)}">Open the app's Home tab in Slack</a></p><p>No desktop app? <a href="{Attr(web!)}">Open it in the browser</a>.</p>""";
        return Page(
            StatusCodes.Status200OK,
            "UserGems Signals is installed",
            $"<p>The app is installed in <strong>{Html(teamName ?? teamId ?? "your workspace")}</strong>. Set up your first workflow from its Home tab or with <code>/usergems workflow create</code>.</p>{links}");
    }

    public static IResult InstalledOrgWide(string? enterpriseName, IReadOnlyList<OrgTeam> teams)
    {
        var names = teams.Count == 0
            ? "<p>Slack did not list the workspaces yet; each one starts working when someone there first uses the app.</p>"
            : $"<p>It is available in {teams.Count} workspace(s): {Html(string.Join(", ", teams.Select(t => t.Name ?? t.TeamId)))}.</p>";
        return Page(
            StatusCodes.Status200OK,
            "UserGems Signals is installed",
            $"<p>The app is installed across <strong>{Html(enterpriseName ?? "your organization")}</strong>.</p>{names}" +
            "<p>Each workspace has its own workflows and its own signal secret: set them up from the app's Home tab in that workspace, or with <code>/usergems workflow create</code>.</p>");
    }

    /// <summary>The state came back to a browser that did not start the install (a forwarded link, another browser, an expired cookie).</summary>
    public static IResult FromAnotherBrowser() => Page(
        StatusCodes.Status400BadRequest,
        "The installation did not complete",
        """
        <p>This installation link was opened in a different browser from the one that started it, or it waited too long.
        For your safety, an installation must finish in the browser where it began.</p>
        <p><a href="/slack/install">Start the installation again from /slack/install</a> in this same browser.</p>
        """);

    public static IResult Failed(string reason) => Page(
        StatusCodes.Status400BadRequest,
        "The installation did not complete",
        $"""<p>{Html(reason)}</p><p><a href="/slack/install">Start the installation again</a></p>""");

    private static IResult Page(int status, string title, string body) => Results.Content(
        $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html(title)}}</title>
        <style>
        body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1c1d; }
        .button { display: inline-block; background: #4a154b; color: #fff; padding: .6rem 1.2rem; border-radius: 6px; text-decoration: none; font-weight: 600; }
        code { background: #f4f4f4; padding: 0 .25rem; border-radius: 3px; }
        </style>
        </head>
        <body>
        <h1>{{Html(title)}}</h1>
        {{body}}
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static string Attr(string text) => HtmlEncoder.Default.Encode(text);
}
