using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>Any request a listener receives, as guards see it: its context and whether it was acked.</summary>
public abstract class SlackRequest
{
    private protected SlackRequest(SlackContext context, SlackAcknowledgement acknowledgement)
    {
        Context = context;
        Acknowledgement = acknowledgement;
    }

    public SlackContext Context { get; }

    /// <summary>True once the listener has acked.</summary>
    public bool IsAcknowledged => Acknowledgement.IsAcknowledged;

    private protected SlackAcknowledgement Acknowledgement { get; }
}

/// <summary>What a listener receives: the typed payload, the request's context, and (on ackable kinds) the ack.</summary>
public abstract class SlackRequest<TPayload> : SlackRequest
    where TPayload : SlackPayload
{
    private protected SlackRequest(TPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(context, acknowledgement) => Payload = payload;

    public TPayload Payload { get; }
}
