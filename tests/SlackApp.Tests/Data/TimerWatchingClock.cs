using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SlackApp.Tests.Data;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, with its due time: a test learns when a
/// worker has gone to sleep, and for how long, before it moves the clock (no sleeping, no guessing).
/// </summary>
public sealed class TimerWatchingClock(DateTimeOffset start) : TimeProvider
{
    // Only a broken worker keeps a test waiting this long.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(start);

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Created before it is reported, so advancing the clock after the report fires it.
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (waiting for it if none was yet).</summary>
    public async Task<TimeSpan> NextTimerAsync(CancellationToken cancellationToken) =>
        await _timers.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(Patience, cancellationToken);

    public void Advance(TimeSpan delta) => Fake.Advance(delta);
}
