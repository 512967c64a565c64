using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using SlackApp.Slack.SocketMode;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>
/// Slack's side of Socket Mode in memory: every connection the app opens becomes a <see cref="FakeSocketModeLink"/>
/// the test drives (hello, envelopes, disconnect, drop); <see cref="FailNext"/> makes the next openings fail.
/// </summary>
internal sealed class FakeSocketModeSlack : ISocketModeConnector
{
    private readonly Channel<FakeSocketModeLink> _links = Channel.CreateUnbounded<FakeSocketModeLink>();
    private readonly ConcurrentQueue<Exception> _failures = new();

    public ConcurrentQueue<Uri> Urls { get; } = new();

    /// <summary>The next <paramref name="count"/> connection attempts fail as a network error would.</summary>
    public void FailNext(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(new WebSocketException(WebSocketError.Faulted, "connection refused"));
        }
    }

    public Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        Urls.Enqueue(url);
        if (_failures.TryDequeue(out var failure))
        {
            return Task.FromException<WebSocket>(failure);
        }

        var (client, server) = InMemoryWebSockets.CreatePair();
        _links.Writer.TryWrite(new FakeSocketModeLink(server));
        return Task.FromResult(client);
    }

    /// <summary>The next connection the app opens.</summary>
    public Task<FakeSocketModeLink> NextLinkAsync() => _links.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();
}

/// <summary>One connection as Slack holds it: sends what Slack sends, and reads the app's acks.</summary>
internal sealed class FakeSocketModeLink
{
    private readonly WebSocket _socket;
    private readonly Channel<JsonObject> _acks = Channel.CreateUnbounded<JsonObject>();
    private readonly TaskCompletionSource _closedByApp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _envelopes;

    public FakeSocketModeLink(WebSocket socket)
    {
        _socket = socket;
        _ = Task.Run(ReadAsync);
    }

    /// <summary>Completes when the app closed this connection (a close frame).</summary>
    public Task ClosedByApp => _closedByApp.Task;

    public Task SayHelloAsync(int connections = 1) => SendAsync(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = connections,
        ["debug_info"] = new JsonObject { ["host"] = "applink-test", ["approximate_connection_time"] = 18060 },
        ["connection_info"] = new JsonObject { ["app_id"] = "A0CA5" },
    });

    public Task DisconnectAsync(string reason) => SendAsync(new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "applink-test" },
    });

    /// <summary>Sends an envelope and returns its id; <paramref name="envelopeId"/> repeats one, as a redelivery does.</summary>
    public async Task<string> SendEnvelopeAsync(string type, string payloadJson, bool acceptsResponsePayload, string? envelopeId = null, int retryAttempt = 0)
    {
        envelopeId ??= "env-" + Interlocked.Increment(ref _envelopes).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = type,
            ["payload"] = JsonNode.Parse(payloadJson),
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        });
        return envelopeId;
    }

    /// <summary>The next ack the app sent on this connection.</summary>
    public Task<JsonObject> NextAckAsync() => _acks.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();

    /// <summary>True when an ack has arrived and not been read.</summary>
    public bool HasUnreadAck => _acks.Reader.TryPeek(out _);

    /// <summary>Ends the connection without a close handshake, as a network failure does.</summary>
    public void Drop() => _socket.Abort();

    private async Task SendAsync(JsonObject message)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    _closedByApp.TrySetResult();
                    return;
                }

                // Acks are small: one frame each.
                _acks.Writer.TryWrite(JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!.AsObject());
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Dropped.
        }
        finally
        {
            _acks.Writer.TryComplete();
        }
    }
}
