using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;

namespace SlackApp.Slack.SocketMode;

/// <summary>The live state behind <see cref="ISocketModeStatus"/>, written by <see cref="SocketModeClient"/>.</summary>
internal sealed class SocketModeStatus(IOptionsMonitor<SlackOptions> slack) : ISocketModeStatus
{
    private readonly object _gate = new();
    private readonly HashSet<int> _open = [];
    private DateTimeOffset? _lastHelloAt;
    private string? _stoppedReason;

    public bool IsEnabled => !string.IsNullOrEmpty(slack.CurrentValue.AppToken);

    public bool IsOpen => OpenConnections > 0;

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

    public DateTimeOffset? LastHelloAt
    {
        get
        {
            lock (_gate)
            {
                return _lastHelloAt;
            }
        }
    }

    public string? StoppedReason
    {
        get
        {
            lock (_gate)
            {
                return _stoppedReason;
            }
        }
    }

    public void Opened(int connection, DateTimeOffset at)
    {
        lock (_gate)
        {
            _open.Add(connection);
            _lastHelloAt = at;
        }
    }

    public void Closed(int connection)
    {
        lock (_gate)
        {
            _open.Remove(connection);
        }
    }

    public void Stopped(string reason)
    {
        lock (_gate)
        {
            _stoppedReason = reason;
        }
    }
}
