namespace SlackApp.Slack.Payloads;

/// <summary>A JSON body Slack posts through the Events API.</summary>
public abstract record EventsApiPayload : SlackPayload
{
    /// <summary>The envelope kind: <c>url_verification</c>, <c>event_callback</c> or <c>app_rate_limited</c>.</summary>
    public string Type { get; init => field = value ?? ""; } = "";
}

/// <summary>Slack checking the request URL; the app answers with <see cref="Challenge"/>.</summary>
public sealed record UrlVerificationPayload : EventsApiPayload
{
    public required string Challenge { get; init; }
}

/// <summary>Slack telling the app that it exceeded 30,000 event deliveries per workspace per hour.</summary>
public sealed record AppRateLimitedPayload : EventsApiPayload
{
    public string? TeamId { get; init; }
    public string? ApiAppId { get; init; }

    /// <summary>Unix seconds of the minute in which the limit was hit.</summary>
    public long? MinuteRateLimited { get; init; }
}
