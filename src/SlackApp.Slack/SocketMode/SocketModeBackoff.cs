namespace SlackApp.Slack.SocketMode;

/// <summary>How long to wait before reconnecting after consecutive failures: exponential, capped, with "equal jitter".</summary>
internal static class SocketModeBackoff
{
    /// <summary>
    /// <paramref name="baseDelay"/> doubled per earlier failure, capped at <paramref name="maxDelay"/>, then between half
    /// of it and all of it by <paramref name="jitter"/> in [0, 1), so that many instances do not reconnect in step.
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << doublings));
        if (ticks <= 0)
        {
            ticks = maxDelay.Ticks;
        }

        return TimeSpan.FromTicks((long)((ticks / 2) + (ticks / 2 * Math.Clamp(jitter, 0, 1))));
    }
}
