namespace SlackApp.Slack.Routing;

/// <summary>What became of one Slack request in <see cref="SlackRequestPipeline"/>, for its transport to answer.</summary>
internal abstract record SlackIngressResult
{
    /// <summary>Slack gets this answer (HTTP: a 200 with the body; Socket Mode: the ack with it as its payload).</summary>
    public sealed record Answered(SlackAckBody Body) : SlackIngressResult;

    /// <summary>The request could not be read; <paramref name="Reason"/> is safe to send back.</summary>
    public sealed record Malformed(string Reason) : SlackIngressResult;

    /// <summary>The handler queue is full or stopping: nothing ran, and Slack should send the request again.</summary>
    public sealed record Busy : SlackIngressResult;

    /// <summary>The sender went away before the answer was ready; the listener keeps running.</summary>
    public sealed record Abandoned : SlackIngressResult;

    public static SlackIngressResult Empty { get; } = new Answered(SlackAckBody.Empty);
}
