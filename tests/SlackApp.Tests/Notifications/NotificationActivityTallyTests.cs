using SlackApp.Notifications;

namespace SlackApp.Tests.Notifications;

/// <summary><see cref="WorkflowActivity.Tally"/>: grouped counts added up per workflow, without I/O.</summary>
public sealed class NotificationActivityTallyTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_the_workflows_own_counts_are_added()
    {
        var activity = WorkflowActivity.Tally(1,
        [
            new NotificationActivityCount { WorkflowId = 1, Status = DeliveryStatus.Sent, MessageKind = MessageKind.Digest, Count = 8 },
            new NotificationActivityCount { WorkflowId = 1, Status = DeliveryStatus.Sent, MessageKind = MessageKind.OneItem, Count = 4 },
            new NotificationActivityCount { WorkflowId = 2, Status = DeliveryStatus.Sent, Count = 50 },
        ]);

        Assert.Equal(12, activity.Sent);
        Assert.Equal(8, activity.SentInDigests);
    }

    [Fact]
    public void Held_items_keep_the_earliest_release()
    {
        var activity = WorkflowActivity.Tally(1,
        [
            new NotificationActivityCount { WorkflowId = 1, Status = DeliveryStatus.Held, HeldReason = HoldReason.DailyCap, Count = 1, NextAttemptAt = Nine.AddDays(1) },
            new NotificationActivityCount { WorkflowId = 1, Status = DeliveryStatus.Held, HeldReason = HoldReason.DailyCap, Count = 2, NextAttemptAt = Nine },
        ]);

        Assert.Equal(3, activity.Held);
        Assert.Equal(Nine, activity.NextRelease);
        Assert.Equal(3, activity.HeldByReason[HoldReason.DailyCap]);
    }

    [Fact]
    public void Nothing_is_empty()
    {
        Assert.True(WorkflowActivity.Tally(1, []).IsEmpty);
        Assert.Null(WorkflowActivity.Tally(1, []).NextRelease);
    }
}
