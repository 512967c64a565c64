namespace SlackApp.Notifications;

/// <summary>How long a delivery waits after a transient failure: exponential, capped, with jitter so retries spread out.</summary>
public static class DeliveryBackoff
{
    /// <summary>
    /// The wait after the <paramref name="failures"/>-th failure (1 for the first): <paramref name="baseDelay"/>
    /// doubled per earlier failure, capped at <paramref name="maxDelay"/>; then "equal jitter", between half of it
    /// and all of it, by <paramref name="jitter"/> in [0, 1).
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ticks / 2 + ticks / 2 * Math.Clamp(jitter, 0, 1)));
    }
}
