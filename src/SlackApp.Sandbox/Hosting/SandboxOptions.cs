namespace SlackApp.Sandbox.Hosting;

/// <summary>The <c>Sandbox</c> settings: whether the local Slack sandbox may run, and where the app is reachable.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>False: never run the sandbox. Otherwise it runs whenever no Slack credentials are configured (configured credentials always win).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The app's own base URL as the sandbox reaches it (e.g. <c>http://localhost:5080/</c>); found from the server's addresses when empty.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The slash commands the sandbox's app declares (the manifest's); anything else typed in the composer is refused as Slack does.</summary>
    public IList<string> Commands { get; } = ["/usergems"];
}
