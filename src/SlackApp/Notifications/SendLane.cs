namespace SlackApp.Notifications;

/// <summary>
/// The send times of one channel or one workspace, as a virtual schedule (GCRA): each send books the next slot one
/// interval after the last, and up to <c>burst</c> sends may book slots before their turn. Unlike a token bucket that
/// only says "not yet", it hands out future slots, so many waiting messages get distinct times instead of all retrying
/// at the same instant.
/// </summary>
internal sealed class SendLane
{
    // The time the next send would be due if none could come early ("theoretical arrival time"); null before the first.
    private DateTimeOffset? _due;

    /// <summary>The earliest slot from <paramref name="now"/> on that the lane allows at this pace.</summary>
    public DateTimeOffset EarliestSlot(DateTimeOffset now, TimeSpan interval, int burst)
    {
        if (_due is not { } due)
        {
            return now;
        }

        var earliest = due - (interval * (burst - 1));
        return earliest > now ? earliest : now;
    }

    /// <summary>Books <paramref name="slot"/> (at least <see cref="EarliestSlot"/>): the lane moves one interval on.</summary>
    public void Book(DateTimeOffset slot, TimeSpan interval) => _due = (_due is { } due && due > slot ? due : slot) + interval;

    /// <summary>Nothing may be sent before <paramref name="until"/>, and no burst right after it.</summary>
    public void Block(DateTimeOffset until, TimeSpan interval, int burst)
    {
        var due = until + (interval * (burst - 1));
        if (_due is null || due > _due)
        {
            _due = due;
        }
    }

    /// <summary>True when no booked slot lies ahead: forgetting the lane changes nothing.</summary>
    public bool IsIdle(DateTimeOffset now) => _due is null || _due <= now;
}
