using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.Tests.SocketMode;

namespace SlackApp.Tests.Fakes;

/// <summary>
/// Slack's Socket Mode side of <see cref="FakeSlack"/>, in memory: each connection the app opens is greeted with
/// <c>hello</c>; envelopes go out on the newest one and their acks are matched by envelope_id.
/// </summary>
public sealed class FakeSlackSocket : ISocketModeConnector
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _pending = new(StringComparer.Ordinal);
    private volatile Link? _newest;
    private int _tickets;
    private int _envelopes;

    /// <summary>A single-use URL, as <c>apps.connections.open</c> answers.</summary>
    public string IssueUrl() => "wss://wss.slack.test/link/?ticket=" + Interlocked.Increment(ref _tickets).ToString(CultureInfo.InvariantCulture);

    public Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var (client, server) = InMemoryWebSockets.CreatePair();
        var link = new Link(server, this);
        _newest = link;
        _ = Task.Run(link.RunAsync, CancellationToken.None);
        return Task.FromResult(client);
    }

    /// <summary>
    /// Sends <paramref name="payload"/> as an envelope of <paramref name="type"/> and waits for its ack; returns the ack's
    /// payload as the app wrote it (null when it has none).
    /// </summary>
    public async Task<string?> DeliverAsync(string type, JsonNode payload, bool acceptsResponsePayload, int retryAttempt, CancellationToken cancellationToken)
    {
        var link = _newest ?? throw new InvalidOperationException("The app has no Socket Mode connection open.");
        var envelopeId = "env-" + Interlocked.Increment(ref _envelopes).ToString(CultureInfo.InvariantCulture);
        var acked = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[envelopeId] = acked;
        await link.SendAsync(new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        });
        try
        {
            return await acked.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(envelopeId, out _);
        }
    }

    private void Acked(string text)
    {
        using var ack = JsonDocument.Parse(text);
        var envelopeId = ack.RootElement.GetProperty("envelope_id").GetString()!;
        if (_pending.TryGetValue(envelopeId, out var waiting))
        {
            // The raw text, as the app wrote it: the same bytes an HTTP answer would carry.
            waiting.TrySetResult(ack.RootElement.TryGetProperty("payload", out var payload) ? payload.GetRawText() : null);
        }
    }

    /// <summary>One connection, Slack's end.</summary>
    private sealed class Link(WebSocket socket, FakeSlackSocket owner)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public async Task RunAsync()
        {
            await SendAsync(new JsonObject { ["type"] = "hello", ["num_connections"] = 1, ["debug_info"] = new JsonObject { ["approximate_connection_time"] = 18060 } });
            var buffer = new byte[1024 * 1024];
            try
            {
                while (true)
                {
                    var length = 0;
                    ValueWebSocketReceiveResult received;
                    do
                    {
                        received = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        length += received.Count;
                    }
                    while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        return;
                    }

                    owner.Acked(Encoding.UTF8.GetString(buffer, 0, length));
                }
            }
            catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
            {
                // The app went away.
            }
        }

        public async Task SendAsync(JsonObject message)
        {
            await _sending.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
