using System.Numerics;

namespace SlackApp.Signals;

/// <summary>What one pass of the matching worker did: signals matched, failed (retried later), and skipped (workspace uninstalled).</summary>
public sealed record SignalMatchingPass(int Matched, int Failed, int Skipped)
    : IAdditionOperators<SignalMatchingPass, SignalMatchingPass, SignalMatchingPass>, IAdditiveIdentity<SignalMatchingPass, SignalMatchingPass>
{
    public static SignalMatchingPass AdditiveIdentity { get; } = new(0, 0, 0);

    internal static SignalMatchingPass OneMatched { get; } = new(1, 0, 0);

    internal static SignalMatchingPass OneFailed { get; } = new(0, 1, 0);

    internal static SignalMatchingPass OneSkipped { get; } = new(0, 0, 1);

    public static SignalMatchingPass operator +(SignalMatchingPass left, SignalMatchingPass right) =>
        new(left.Matched + right.Matched, left.Failed + right.Failed, left.Skipped + right.Skipped);
}
