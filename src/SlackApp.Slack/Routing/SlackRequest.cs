using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>What a listener receives: the typed payload, the request's context, and (on ackable kinds) the ack.</summary>
public abstract class SlackRequest<TPayload>
    where TPayload : SlackPayload
{
    private protected SlackRequest(TPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
    {
        Payload = payload;
        Context = context;
        Acknowledgement = acknowledgement;
    }

    public TPayload Payload { get; }
    public SlackContext Context { get; }

    /// <summary>True once the listener has acked.</summary>
    public bool IsAcknowledged => Acknowledgement.IsAcknowledged;

    private protected SlackAcknowledgement Acknowledgement { get; }
}
