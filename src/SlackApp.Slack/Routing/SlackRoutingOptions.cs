namespace SlackApp.Slack.Routing;

/// <summary>Tuning of the Slack ingress endpoint, bound from <c>Slack:Routing</c>.</summary>
public sealed class SlackRoutingOptions
{
    public const string SectionName = "Slack:Routing";

    /// <summary>How long the endpoint waits for a listener's ack before answering an empty 200 (Slack gives up at 3 s).</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>Larger request bodies are refused with 413; Slack's payloads are far smaller.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many handler runs may wait for a free slot before new requests are refused with 503.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>How many handlers run at once.</summary>
    public int MaxConcurrentHandlers { get; set; } = 64;

    /// <summary>How long an event_id is remembered to drop Slack's redeliveries (Slack retries within ~5 minutes).</summary>
    public TimeSpan EventDeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The ephemeral apology a user sees when a listener fails.</summary>
    public string ErrorMessage { get; set; } = "Sorry, something went wrong. Please try again.";
}
