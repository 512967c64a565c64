namespace SlackApp.Notifications;

/// <summary>What one pass of the delivery worker did: posted, ended failed, put back to wait (retry or pacing), and cancelled.</summary>
public sealed record DeliveryPass(int Sent, int Failed, int Deferred, int Cancelled);
