namespace SlackApp.Sandbox.Hosting;

/// <summary>The <c>Sandbox</c> settings: whether the local Slack sandbox may run, where the app is reachable, and its time limits.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>False: never run the sandbox. Otherwise it runs whenever no Slack credentials are configured (configured credentials always win).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The app's own base URL as the sandbox reaches it (e.g. <c>http://localhost:5080/</c>); found from the server's addresses when empty.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// True: the sandbox talks to the app over Socket Mode, as Slack does with <c>socket_mode_enabled</c>: it issues an
    /// app-level token (<c>Slack:AppToken</c>), answers <c>apps.connections.open</c> with its own WebSocket URL, and sends
    /// commands, interactions and events there as envelopes instead of posting them to <c>/slack/events</c>.
    /// </summary>
    public bool SocketMode { get; set; }

    /// <summary>The app's name as the workspace shows it (its bot user, its messages); an extension usually sets it.</summary>
    public string AppName { get; set; } = "App";

    /// <summary>
    /// The slash commands the sandbox's app declares (the manifest's); anything else typed in the composer is refused
    /// as Slack does. An extension usually adds them.
    /// </summary>
    public IList<string> Commands { get; } = [];

    /// <summary>What the composer suggests trying (e.g. a slash command and its arguments); nothing when empty.</summary>
    public string? ComposerHint { get; set; }

    /// <summary>
    /// The manifest's <c>messages_tab_read_only_enabled</c>: people read the app's Messages tab but cannot type in it,
    /// as in Slack (no composer, and anything sent there refused).
    /// </summary>
    public bool MessagesTabReadOnly { get; set; }

    /// <summary>
    /// How long a <c>trigger_id</c> may be exchanged: Slack's 3 s by default. Only a slow machine (a loaded test
    /// runner, a debugger stopped in a handler) has a reason to lengthen it.
    /// </summary>
    public TimeSpan TriggerLifetime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the sandbox waits for the app to answer a slash command, interaction or event before showing
    /// <c>operation_timeout</c>. Longer than Slack's 3 s, so a breakpoint does not lose the request.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Both time limits are positive.</summary>
    public bool IsValid => TriggerLifetime > TimeSpan.Zero && RequestTimeout > TimeSpan.Zero;
}
