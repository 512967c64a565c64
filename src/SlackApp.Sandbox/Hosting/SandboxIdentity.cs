namespace SlackApp.Sandbox.Hosting;

/// <summary>The fixed ids of the sandbox workspace and its app, stable across runs so what the app stores for the workspace carries over.</summary>
public static class SandboxIdentity
{
    public const string TeamId = "T0SANDBOX";
    public const string TeamName = "Sandbox";
    public const string TeamDomain = "sandbox";
    public const string AppId = "A0SANDBOX";
    public const string BotUserId = "U0BOT";
    public const string BotId = "B0BOT";
}
