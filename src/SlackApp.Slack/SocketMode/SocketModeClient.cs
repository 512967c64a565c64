using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.SocketMode;

/// <summary>
/// Keeps the app connected to Slack over Socket Mode while <c>Slack:AppToken</c> is set: opens a connection once the
/// server listens (a refused token fails start-up), replaces it on <c>disconnect</c> (the new one says hello before the
/// old one closes), reconnects a dropped one with backoff and jitter, and stops on <c>link_disabled</c>.
/// </summary>
internal sealed partial class SocketModeClient : IHostedLifecycleService, IDisposable
{
    private const string LinkDisabled = "link_disabled";

    private readonly IOptionsMonitor<SlackOptions> _slack;
    private readonly SocketModeOptions _options;
    private readonly SocketModeUrlOpener _opener;
    private readonly ISocketModeConnector _connector;
    private readonly SocketModeEnvelopeHandler _handler;
    private readonly SocketModeStatus _status;
    private readonly TimeProvider _time;
    private readonly SocketModeJitter _jitter;
    private readonly int _maxMessageBytes;
    private readonly ILogger<SocketModeClient> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;
    private int _connections;
    private int _disposed;

    public SocketModeClient(
        IOptionsMonitor<SlackOptions> slack,
        IOptions<SocketModeOptions> options,
        IOptions<SlackRoutingOptions> routing,
        SocketModeUrlOpener opener,
        ISocketModeConnector connector,
        SocketModeEnvelopeHandler handler,
        SocketModeStatus status,
        TimeProvider time,
        SocketModeJitter jitter,
        ILogger<SocketModeClient> logger)
    {
        _slack = slack;
        _options = options.Value;
        _maxMessageBytes = routing.Value.MaxRequestBodyBytes;
        _opener = opener;
        _connector = connector;
        _handler = handler;
        _status = status;
        _time = time;
        _jitter = jitter;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the server listens (the sandbox's Slack is served by it): makes a first attempt, so that the app starts
    /// connected; throws when Slack refuses the token; any other failure is retried in the background.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(_slack.CurrentValue.AppToken))
        {
            return;
        }

        SocketModeConnection? first = null;
        try
        {
            first = await ConnectOnceAsync(cancellationToken);
        }
        catch (SlackApiException exception) when (SocketModeUrlOpener.IsRefusal(exception))
        {
            _status.Stopped(exception.Error);
            throw new InvalidOperationException(RefusalMessage(exception), exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransient(exception))
        {
            LogAttemptFailed(exception.GetType().Name, exception.Message);
        }

        _running = Task.Run(() => KeepConnectedAsync(first, _stopping.Token), CancellationToken.None);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped again after its services were disposed (test hosts are): nothing runs by then.
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile, which cancelled it.
        }

        await _running.WaitAsync(cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task KeepConnectedAsync(SocketModeConnection? first, CancellationToken stopping)
    {
        var current = first;
        try
        {
            current ??= await ConnectAsync(1, stopping);
            while (current is not null)
            {
                var ended = await Task.WhenAny(current.DisconnectRequested, current.Closed).WaitAsync(stopping);
                if (ended != current.DisconnectRequested)
                {
                    LogDropped(current.Number);
                    await DisposeAsync(current);
                    current = null;
                    current = await ConnectAsync(1, stopping);
                    continue;
                }

                var reason = await current.DisconnectRequested;
                if (reason == LinkDisabled)
                {
                    LogLinkDisabled(current.Number);
                    _status.Stopped(LinkDisabled);
                    return;
                }

                // The old connection keeps reading and acking until the new one is up: nothing falls in between.
                LogRefreshing(current.Number, reason);
                var next = await ConnectAsync(0, stopping);
                await CloseAsync(current, stopping);
                current = next;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Socket Mode stopped unexpectedly; Slack's requests are no longer received.");
            _status.Stopped("error");
        }
        finally
        {
            if (current is not null)
            {
                await CloseAsync(current, CancellationToken.None);
            }
        }
    }

    /// <summary>A connection that said hello, after waiting out <paramref name="failures"/> earlier failures; null when Slack refuses the token.</summary>
    private async Task<SocketModeConnection?> ConnectAsync(int failures, CancellationToken stopping)
    {
        TimeSpan? retryAfter = null;
        while (true)
        {
            if (failures > 0)
            {
                var delay = SocketModeBackoff.Delay(failures, _options.ReconnectBaseDelay, _options.MaxReconnectDelay, _jitter.Next());
                if (retryAfter > delay)
                {
                    delay = retryAfter.Value;
                }

                LogWaiting(delay, failures);
                await Task.Delay(delay, _time, stopping);
            }

            try
            {
                return await ConnectOnceAsync(stopping);
            }
            catch (SlackApiException exception) when (SocketModeUrlOpener.IsRefusal(exception))
            {
                _logger.LogError("{Message} Socket Mode stopped.", RefusalMessage(exception));
                _status.Stopped(exception.Error);
                return null;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested && IsTransient(exception))
            {
                retryAfter = (exception as SlackRateLimitedException)?.RetryAfter;
                LogAttemptFailed(exception.GetType().Name, exception.Message);
            }

            failures++;
        }
    }

    /// <summary>One attempt: a new URL (each serves one connection), the WebSocket, and Slack's hello within the timeout.</summary>
    private async Task<SocketModeConnection> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var url = await _opener.OpenAsync(cancellationToken);
        var socket = await _connector.ConnectAsync(url, cancellationToken);
        var connection = new SocketModeConnection(Interlocked.Increment(ref _connections), socket, _handler.HandleAsync, _maxMessageBytes, _logger);
        connection.Start();
        try
        {
            var hello = await connection.Hello.WaitAsync(_options.HelloTimeout, _time, cancellationToken);
            _status.Opened(connection.Number, _time.GetUtcNow());
            LogHello(connection.Number, hello.NumConnections, hello.ApproximateConnectionTime);
            return connection;
        }
        catch
        {
            await DisposeAsync(connection);
            throw;
        }
    }

    private static bool IsTransient(Exception exception) => exception is
        SlackApiException or System.Net.WebSockets.WebSocketException or HttpRequestException or IOException or TimeoutException
        // The hello task is cancelled when the socket ends before hello.
        or TaskCanceledException;

    private async Task CloseAsync(SocketModeConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.CloseAsync(_options.DrainTimeout, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: disposing below cuts it off.
        }

        await DisposeAsync(connection);
    }

    private async Task DisposeAsync(SocketModeConnection connection)
    {
        _status.Closed(connection.Number);
        await connection.DisposeAsync();
    }

    private static string RefusalMessage(SlackApiException exception) =>
        $"Slack refused Slack:AppToken ({exception.Error}) in apps.connections.open: set an app-level token (xapp-…) with the connections:write scope, from the app's Basic Information → App-Level Tokens.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection #{Connection} dropped; reconnecting.")]
    private partial void LogDropped(int connection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack disabled Socket Mode for this app (link_disabled on connection #{Connection}): no more requests are received. Turn Socket Mode back on in the app's settings and restart.")]
    private partial void LogLinkDisabled(int connection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked connection #{Connection} to disconnect ({Reason}); opening a new one before closing it.")]
    private partial void LogRefreshing(int connection, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode: reconnecting in {Delay} after {Failures} failure(s).")]
    private partial void LogWaiting(TimeSpan delay, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection attempt failed ({Kind}: {Reason}).")]
    private partial void LogAttemptFailed(string kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection #{Connection} is live (Slack counts {Connections} connection(s); refresh expected in about {ApproximateTime}).")]
    private partial void LogHello(int connection, int? connections, TimeSpan? approximateTime);
}
