namespace SlackApp.Home;

/// <summary>The <c>App</c> configuration section, as the Home tab reads it.</summary>
public sealed class HomeOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// Where signal sources reach this app, e.g. <c>https://usergems.example.com</c>; the Home tab shows admins the
    /// signal webhook URL under it. When unset, only the relative path is shown.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
