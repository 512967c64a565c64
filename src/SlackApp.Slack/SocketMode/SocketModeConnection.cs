using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.SocketMode;

/// <summary>
/// One Socket Mode WebSocket: reads Slack's messages until the socket ends, reports <c>hello</c> and <c>disconnect</c>,
/// hands each envelope on without waiting for it (an interactive ack may take seconds), and sends acks one at a time.
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly Func<SocketModeConnection, SocketModeMessage, CancellationToken, Task> _onEnvelope;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _aborted = new();
    private readonly TaskCompletionSource<SocketModeMessage> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private int _inFlight;
    private TaskCompletionSource _drained = Completed();
    private Task _reading = Task.CompletedTask;

    public SocketModeConnection(
        int number,
        WebSocket socket,
        Func<SocketModeConnection, SocketModeMessage, CancellationToken, Task> onEnvelope,
        int maxMessageBytes,
        ILogger logger)
    {
        Number = number;
        _socket = socket;
        _onEnvelope = onEnvelope;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
    }

    /// <summary>Counts connections in the logs and the status.</summary>
    public int Number { get; }

    /// <summary>Completes with Slack's <c>hello</c>; cancelled if the socket ends first.</summary>
    public Task<SocketModeMessage> Hello => _hello.Task;

    /// <summary>Completes with the reason of Slack's <c>disconnect</c>; the socket keeps working until Slack or we close it.</summary>
    public Task<string> DisconnectRequested => _disconnect.Task;

    /// <summary>Completes when the socket has ended, however.</summary>
    public Task Closed => _reading;

    public void Start() => _reading = Task.Run(ReadAsync);

    /// <summary>Acks an envelope, with <paramref name="payload"/> when Slack accepts one; false when the socket is gone.</summary>
    public async Task<bool> AckAsync(string envelopeId, JsonObject? payload, CancellationToken cancellationToken)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload.DeepClone();
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, SlackJson.Options);
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            _logger.LogWarning("Socket Mode connection #{Connection} ended before envelope {EnvelopeId} was acked; Slack sends it again.", Number, envelopeId);
            return false;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Closes the socket once the envelopes it holds are acked (at most <paramref name="drainTimeout"/>), so that a
    /// refresh loses nothing that arrived on the old connection.
    /// </summary>
    public async Task CloseAsync(TimeSpan drainTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task drained;
        lock (_gate)
        {
            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(drainTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Socket Mode connection #{Connection} closed with envelopes still unacked after {Timeout}; Slack sends them again.", Number, drainTimeout);
        }

        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", cancellationToken);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            // Already gone: nothing to close.
        }
        finally
        {
            _sending.Release();
        }

        // Slack answers the close; a peer that does not is cut off when the connection is disposed.
        try
        {
            await _reading.WaitAsync(drainTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _aborted.CancelAsync();
        _socket.Abort();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException)
        {
            // Ended by the abort above.
        }

        _socket.Dispose();
        _aborted.Dispose();
        // _sending is not disposed: envelopes still running may ack after a drop, and a SemaphoreSlim whose wait
        // handle is never asked for holds nothing to free (their send then fails as a dropped socket, logged once).
    }

    private async Task ReadAsync()
    {
        var chunk = new byte[ReceiveChunkBytes];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(chunk.AsMemory(), _aborted.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await AnswerCloseAsync();
                        return;
                    }

                    if (message.Length + received.Count > _maxMessageBytes)
                    {
                        _logger.LogError("Socket Mode connection #{Connection} received a message over {Limit} bytes; dropping the connection.", Number, _maxMessageBytes);
                        _socket.Abort();
                        return;
                    }

                    message.Write(chunk, 0, received.Count);
                }
                while (!received.EndOfMessage);

                Handle(SocketModeMessage.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)));
            }
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            _logger.LogWarning("Socket Mode connection #{Connection} dropped: {Reason}", Number, exception.Message);
        }
        finally
        {
            _hello.TrySetCanceled();
        }
    }

    private async Task AnswerCloseAsync()
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Socket Mode connection #{Connection} closed by Slack ({Status} {Description}).", Number, _socket.CloseStatus, _socket.CloseStatusDescription);
        }

        await _sending.WaitAsync(CancellationToken.None);
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            // Gone meanwhile.
        }
        finally
        {
            _sending.Release();
        }
    }

    private void Handle(SocketModeMessage? message)
    {
        switch (message)
        {
            case null:
                _logger.LogWarning("Socket Mode connection #{Connection} received a message that is not a JSON object with a type; ignored.", Number);
                break;
            case { Type: SocketModeMessage.Hello }:
                _hello.TrySetResult(message);
                break;
            case { Type: SocketModeMessage.Disconnect }:
                _disconnect.TrySetResult(message.Reason ?? "");
                break;
            case { EnvelopeId: { Length: > 0 } }:
                Begin();
                _ = RunEnvelopeAsync(message);
                break;
            default:
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.LogDebug("Socket Mode connection #{Connection} ignored a '{Type}' message.", Number, message.Type);
                }

                break;
        }
    }

    private async Task RunEnvelopeAsync(SocketModeMessage envelope)
    {
        try
        {
            await _onEnvelope(this, envelope, _aborted.Token);
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            // The connection went away: Slack sends the envelope again.
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Socket Mode envelope {EnvelopeId} failed.", envelope.EnvelopeId);
        }
        finally
        {
            End();
        }
    }

    private void Begin()
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void End()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        completed.SetResult();
        return completed;
    }
}
