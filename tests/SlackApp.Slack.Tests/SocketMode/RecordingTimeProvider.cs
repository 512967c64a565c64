using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>A fake clock that also tells each timer created on it (its due time), so a test learns of a wait the moment it begins.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public RecordingTimeProvider()
        : base(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (in creation order).</summary>
    public Task<TimeSpan> NextTimerAsync() => _timers.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask();

    /// <summary>The due time of the next timer created whose due time is neither infinite nor one of <paramref name="ignored"/> (hello timeouts, ack deadlines).</summary>
    public async Task<TimeSpan> NextTimerAsync(params TimeSpan[] ignored)
    {
        TimeSpan next;
        do
        {
            next = await NextTimerAsync();
        }
        while (ignored.Contains(next) || next < TimeSpan.Zero);

        return next;
    }
}
