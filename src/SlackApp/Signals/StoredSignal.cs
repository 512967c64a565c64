using SlackApp.Workflows;
namespace SlackApp.Signals;

/// <summary>A signal as the intake stored it, handed to the matching handler.</summary>
public sealed record StoredSignal
{
    /// <summary>The row id: unique across workspaces, stable for idempotent follow-up work.</summary>
    public required long Id { get; init; }

    public required Signal Signal { get; init; }

    /// <summary>The JSON object exactly as the source sent it, unknown fields included.</summary>
    public required string RawJson { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>How many earlier matching passes failed on this signal.</summary>
    public int Attempts { get; init; }
}
