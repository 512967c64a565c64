using System.Text.Json.Serialization;

namespace SlackApp.Slack.Payloads;

/// <summary>An <c>event_callback</c> envelope: one event, with the workspace and installation it concerns.</summary>
public sealed record EventCallbackPayload : EventsApiPayload
{
    public string? TeamId { get; init; }
    public string? EnterpriseId { get; init; }
    public string? ApiAppId { get; init; }

    /// <summary>Unique per event; Slack's redeliveries repeat it, so it de-duplicates retries.</summary>
    public string? EventId { get; init; }

    /// <summary>Unix seconds at which the event was dispatched.</summary>
    public long EventTime { get; init; }

    /// <summary>The installations the event is visible to (Slack lists one).</summary>
    public IReadOnlyList<EventAuthorization> Authorizations { get; init => field = value ?? []; } = [];

    public bool IsExtSharedChannel { get; init; }
    public string? ContextTeamId { get; init; }
    public string? ContextEnterpriseId { get; init; }

    [JsonConverter(typeof(SlackEventConverter))]
    public required SlackEvent Event { get; init; }
}

/// <summary>An installation an event is delivered for.</summary>
public sealed record EventAuthorization
{
    public string? EnterpriseId { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public bool IsBot { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}
