using System.Numerics;

namespace SlackApp.Notifications;

/// <summary>What one pass of the delivery worker did: posted, ended failed, put back to wait (retry or pacing), and cancelled.</summary>
public sealed record DeliveryPass(int Sent, int Failed, int Deferred, int Cancelled)
    : IAdditionOperators<DeliveryPass, DeliveryPass, DeliveryPass>, IAdditiveIdentity<DeliveryPass, DeliveryPass>
{
    public static DeliveryPass AdditiveIdentity { get; } = new(0, 0, 0, 0);

    public static DeliveryPass operator +(DeliveryPass left, DeliveryPass right) =>
        new(left.Sent + right.Sent, left.Failed + right.Failed, left.Deferred + right.Deferred, left.Cancelled + right.Cancelled);
}
