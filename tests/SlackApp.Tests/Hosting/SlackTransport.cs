namespace SlackApp.Tests.Hosting;

/// <summary>How Slack's requests reach the app under test: signed POSTs to /slack/events, or Socket Mode envelopes.</summary>
public enum SlackTransport
{
    Http,
    SocketMode,
}
