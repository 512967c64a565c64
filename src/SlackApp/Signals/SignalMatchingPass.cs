namespace SlackApp.Signals;

/// <summary>What one pass of the matching worker did: signals matched, failed (retried later), and skipped (workspace uninstalled).</summary>
public sealed record SignalMatchingPass(int Matched, int Failed, int Skipped);
