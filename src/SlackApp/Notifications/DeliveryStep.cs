using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>What <see cref="DeliverySender.PrepareAsync"/> decided for a row.</summary>
internal abstract record DeliveryStep
{
    private DeliveryStep()
    {
    }

    /// <summary>Nothing to post now: the row was put back, failed or cancelled, as <see cref="Pass"/> counts.</summary>
    public sealed record Done(DeliveryPass Pass) : DeliveryStep;

    /// <summary>The row may not go yet: it waits until its booked slot (the worker puts such rows back together).</summary>
    public sealed record Wait(PacedDelivery Until) : DeliveryStep;

    /// <summary>The row may be posted now, as <see cref="Message"/>, with the workspace's <see cref="Client"/>; <see cref="Unit"/> says which items it carries.</summary>
    public sealed record Post(ISlackApiClient Client, Message Message, SendUnit Unit) : DeliveryStep;
}
