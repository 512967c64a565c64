using SlackApp.Workflows;
namespace SlackApp.Signals;

/// <summary>A valid signal from a request, with the exact JSON object the source sent (stored verbatim).</summary>
public sealed record IncomingSignal(Signal Signal, string RawJson);
