using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.WebApi;

/// <summary>What <c>views.open</c>, <c>views.update</c>, <c>views.push</c> and <c>views.publish</c> return.</summary>
public sealed record ViewResult
{
    /// <summary>The view as Slack now holds it (the same object interactions carry); pass its <c>Hash</c> to the next update so a stale one is refused.</summary>
    public required PayloadView View { get; init; }
}
