namespace SlackApp.Sandbox.Extensions;

/// <summary>
/// What an app plugs into the sandbox, so the sandbox itself knows only Slack: the app's name and slash commands, the
/// settings the app needs in sandbox mode, extra conversations, and side panels. Chosen with
/// <c>builder.AddSlackSandbox(sandbox =&gt; sandbox.Use&lt;MyExtension&gt;())</c>.
/// </summary>
public interface ISandboxExtension
{
    /// <summary>Called once while the host is built, in sandbox mode only (never when real Slack is configured).</summary>
    void Configure(SandboxExtensionContext sandbox);
}
