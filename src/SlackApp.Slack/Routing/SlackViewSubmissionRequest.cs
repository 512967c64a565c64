using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>A modal submission to handle; the ack closes the modal, or shows errors, or updates, pushes or clears views.</summary>
public sealed class SlackViewSubmissionRequest : SlackRequest<ViewSubmissionPayload>
{
    internal SlackViewSubmissionRequest(ViewSubmissionPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement)
    {
    }

    /// <summary>The submitted input values.</summary>
    public ViewState State => Payload.View.State;

    /// <summary>Acknowledges with an empty 200: the modal closes.</summary>
    public void Ack() => Acknowledgement.Acknowledge(SlackAckBody.Empty);

    /// <summary>Keeps the modal open and shows an error under each input block (keyed by block_id).</summary>
    public void AckWithErrors(IReadOnlyDictionary<string, string> errorsByBlockId) =>
        Acknowledgement.Acknowledge(SlackAckBody.ViewErrors(errorsByBlockId));

    /// <summary>Replaces the submitted modal with <paramref name="view"/>.</summary>
    public void AckWithUpdate(View view) => Acknowledgement.Acknowledge(SlackAckBody.ViewUpdate(view));

    /// <summary>Pushes <paramref name="view"/> on top of the modal stack.</summary>
    public void AckWithPush(View view) => Acknowledgement.Acknowledge(SlackAckBody.ViewPush(view));

    /// <summary>Closes the whole modal stack.</summary>
    public void AckWithClear() => Acknowledgement.Acknowledge(SlackAckBody.ViewClear());
}
