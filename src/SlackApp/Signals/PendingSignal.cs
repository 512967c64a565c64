namespace SlackApp.Signals;

/// <summary>A stored signal the matching worker has claimed, before its JSON is read back.</summary>
public sealed record PendingSignal
{
    public long Id { get; init; }
    public string TeamId { get; init; } = string.Empty;
    public string SignalId { get; init; } = string.Empty;
    public string RawJson { get; init; } = string.Empty;
    public DateTimeOffset ReceivedAt { get; init; }
    public int Attempts { get; init; }

    /// <summary>The W3C traceparent of the request that brought it, when that was traced.</summary>
    public string? TraceParent { get; init; }
}
