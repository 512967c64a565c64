using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Interactions;

namespace SlackApp.Sandbox.SocketMode;

/// <summary>
/// The sandbox's side of Socket Mode: hands out single-use connection URLs (<c>apps.connections.open</c>), holds the
/// app's open connections (saying <c>hello</c> on each), sends envelopes on the newest and matches acks by envelope_id.
/// </summary>
internal sealed class SandboxSocketHub(SandboxAddress address, TimeProvider clock, ILogger<SandboxSocketHub> logger)
{
    public const string Path = "/sandbox/socket";

    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject?>> _pending = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<SandboxSocket> _open = [];
    private int _connections;

    /// <summary>Connections open now (the app keeps two during a refresh).</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>A new single-use WebSocket URL, as <c>apps.connections.open</c> answers.</summary>
    public string IssueUrl()
    {
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tickets[ticket] = true;
        var baseUrl = address.Require();
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl["https://".Length..] : "ws://" + baseUrl["http://".Length..];
        return $"{socketBase}{Path}?ticket={ticket}";
    }

    /// <summary>True once for each ticket issued.</summary>
    public bool Redeem(string? ticket) => ticket is not null && _tickets.TryRemove(ticket, out _);

    /// <summary>Serves one accepted connection until it ends: hello first, then the acks it sends.</summary>
    public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var connection = new SandboxSocket(Interlocked.Increment(ref _connections), socket);
        lock (_gate)
        {
            _open.Add(connection);
        }

        try
        {
            await connection.SendAsync(new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = OpenConnections,
                ["debug_info"] = new JsonObject { ["host"] = "sandbox", ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = SandboxIdentity.AppId },
            }, cancellationToken);
            await ReadAcksAsync(connection, cancellationToken);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            logger.LogInformation("Sandbox Socket Mode connection #{Connection} ended: {Reason}", connection.Number, exception.Message);
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(connection);
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="payload"/> as an envelope of <paramref name="type"/> on the newest connection and waits for
    /// its ack; answers as the HTTP request URL would: 200 with the ack's payload, or status 0 and why.
    /// </summary>
    public async Task<SandboxAppAnswer> SendAsync(string type, JsonObject payload, bool acceptsResponsePayload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        SandboxSocket? connection;
        lock (_gate)
        {
            connection = _open.Count == 0 ? null : _open[^1];
        }

        if (connection is null)
        {
            return new SandboxAppAnswer(0, "The app is not connected: no Socket Mode connection is open.");
        }

        var envelopeId = Guid.NewGuid().ToString();
        var acked = new TaskCompletionSource<JsonObject?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[envelopeId] = acked;
        try
        {
            await connection.SendAsync(new JsonObject
            {
                ["envelope_id"] = envelopeId,
                ["type"] = type,
                ["payload"] = payload.DeepClone(),
                ["accepts_response_payload"] = acceptsResponsePayload,
                ["retry_attempt"] = 0,
                ["retry_reason"] = "",
            }, cancellationToken);
            var answer = await acked.Task.WaitAsync(timeout, clock, cancellationToken);
            return new SandboxAppAnswer(200, answer is null ? "" : answer.ToJsonString());
        }
        catch (TimeoutException)
        {
            return new SandboxAppAnswer(0, "operation_timeout: the app did not ack the envelope in time");
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return new SandboxAppAnswer(0, $"The app's Socket Mode connection failed: {e.Message}");
        }
        finally
        {
            _pending.TryRemove(envelopeId, out _);
        }
    }

    private async Task ReadAcksAsync(SandboxSocket connection, CancellationToken cancellationToken)
    {
        while (await connection.ReceiveAsync(cancellationToken) is { } text)
        {
            JsonObject? ack;
            try
            {
                ack = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                ack = null;
            }

            if (ack?["envelope_id"] is JsonValue id && _pending.TryGetValue(id.ToString(), out var waiting))
            {
                waiting.TrySetResult(ack["payload"] as JsonObject);
            }
            else
            {
                logger.LogWarning("Sandbox Socket Mode connection #{Connection} received something that acks no pending envelope.", connection.Number);
            }
        }
    }

    /// <summary>One of the app's connections; sends are one at a time, as a WebSocket requires.</summary>
    private sealed class SandboxSocket(int number, WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public int Number { get; } = number;

        public async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sending.Release();
            }
        }

        /// <summary>The next text message, or null once the app closed the connection (answered with a close).</summary>
        public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[16 * 1024];
            using var message = new MemoryStream();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await _sending.WaitAsync(cancellationToken);
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                    }
                    finally
                    {
                        _sending.Release();
                    }

                    return null;
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }
}
