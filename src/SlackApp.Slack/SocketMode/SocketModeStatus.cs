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
    private int _hellos;
    private readonly List<(Func<ISocketModeStatus, bool> Condition, TaskCompletionSource Done)> _waiters = [];

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

    /// <summary>How many connections have said hello since start.</summary>
    public int Hellos
    {
        get
        {
            lock (_gate)
            {
                return _hellos;
            }
        }
    }

    public void Opened(int connection, DateTimeOffset at) => Change(() =>
    {
        _hellos++;
        _open.Add(connection);
        _lastHelloAt = at;
    });

    public void Closed(int connection) => Change(() => _open.Remove(connection));

    public void Stopped(string reason) => Change(() => _stoppedReason = reason);

    /// <summary>Completes once <paramref name="condition"/> holds (at once if it does): a signal for tests and diagnostics, never a poll.</summary>
    public Task WhenAsync(Func<ISocketModeStatus, bool> condition, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
            foreach (var waiter in _waiters.Where(w => w.Condition(this)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
