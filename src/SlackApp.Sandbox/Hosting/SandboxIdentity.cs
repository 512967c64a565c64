namespace SlackApp.Sandbox.Hosting;

/// <summary>The fixed ids of the sandbox workspace and its app, stable across runs so stored workflows carry over.</summary>
public static class SandboxIdentity
{
    public const string TeamId = "T0SANDBOX";
    public const string TeamName = "Sandbox";
    public const string TeamDomain = "sandbox";
    public const string AppId = "A0SANDBOX";
    public const string AppName = "UserGems";
    public const string BotUserId = "U0BOT";
    public const string BotId = "B0BOT";

    /// <summary>The sample Salesforce base URL seeded for the workspace, so "Open in Salesforce" links render.</summary>
    public const string SalesforceBaseUrl = "https://sandbox.my.salesforce.com";
}
