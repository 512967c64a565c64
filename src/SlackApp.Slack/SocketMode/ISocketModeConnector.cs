using System.Net.WebSockets;

namespace SlackApp.Slack.SocketMode;

/// <summary>Opens the WebSocket at the URL <c>apps.connections.open</c> gave; replaced in tests by in-memory sockets.</summary>
public interface ISocketModeConnector
{
    /// <summary>An open WebSocket to <paramref name="url"/>; throws when it cannot be opened.</summary>
    Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken);
}
