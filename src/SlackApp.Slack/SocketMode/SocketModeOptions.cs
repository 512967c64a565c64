namespace SlackApp.Slack.SocketMode;

/// <summary>Tuning of the Socket Mode connection, bound from <c>Slack:SocketMode</c>; the token itself is <c>Slack:AppToken</c>.</summary>
public sealed class SocketModeOptions
{
    public const string SectionName = "Slack:SocketMode";

    /// <summary>How long a new connection may take to say <c>hello</c> before it is dropped and tried again.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before the first retry after a failure; doubles with each further one (with jitter).</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connection being replaced may take to ack the envelopes it still holds before it is closed.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Asks Slack to refresh connections every few minutes (<c>debug_reconnects=true</c>), to see reconnection at work.</summary>
    public bool DebugReconnects { get; set; }
}
