using System.Net.WebSockets;

namespace SlackApp.Slack.SocketMode;

/// <summary>Opens Socket Mode connections with <see cref="ClientWebSocket"/>, pinging so that a dead link is noticed.</summary>
internal sealed class ClientWebSocketConnector : ISocketModeConnector
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public async Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = KeepAlive;
        // A ping unanswered this long ends the socket, so a half-open link becomes a drop and is reconnected.
        socket.Options.KeepAliveTimeout = KeepAlive;
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
