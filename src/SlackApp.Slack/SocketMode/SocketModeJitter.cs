namespace SlackApp.Slack.SocketMode;

/// <summary>The random source of reconnection jitter; tests give a fixed sequence.</summary>
internal sealed class SocketModeJitter(Func<double> next)
{
    public static SocketModeJitter Shared { get; } = new(Random.Shared.NextDouble);

    /// <summary>A number in [0, 1).</summary>
    public double Next() => next();
}
