namespace SlackApp.Slack.SocketMode;

/// <summary>Whether the Socket Mode connection to Slack is up, for readiness checks and diagnostics.</summary>
public interface ISocketModeStatus
{
    /// <summary>True when <c>Slack:AppToken</c> is set, so the app receives Slack's requests over Socket Mode.</summary>
    bool IsEnabled { get; }

    /// <summary>True while at least one connection has said <c>hello</c> and is still open.</summary>
    bool IsOpen { get; }

    /// <summary>Connections that said hello and are still open (two during a refresh).</summary>
    int OpenConnections { get; }

    /// <summary>When Slack last said <c>hello</c> on a new connection.</summary>
    DateTimeOffset? LastHelloAt { get; }

    /// <summary>Why the app stopped reconnecting (<c>link_disabled</c>, a refused token), or null while it keeps connected.</summary>
    string? StoppedReason { get; }
}
