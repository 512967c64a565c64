namespace SlackApp.Notifications;

/// <summary>
/// What one workflow's items did over the last days, for the Home tab: sent (and how many of those in digests),
/// held (why, and the next release), not sent (why), failed. Counts items (a signal per recipient), not messages.
/// </summary>
public sealed record WorkflowActivity
{
    public required long WorkflowId { get; init; }

    public int Sent { get; init; }

    /// <summary>Of <see cref="Sent"/>, those that went out inside a digest message.</summary>
    public int SentInDigests { get; init; }

    /// <summary>Held items by <see cref="HoldReason"/>.</summary>
    public IReadOnlyDictionary<string, int> HeldByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>When the first held item is released.</summary>
    public DateTimeOffset? NextRelease { get; init; }

    /// <summary>Items deliberately not sent, by their reason (e.g. <c>duplicate</c>).</summary>
    public IReadOnlyDictionary<string, int> SuppressedByReason { get; init; } = new Dictionary<string, int>();

    public int Failed { get; init; }

    public int Undeliverable { get; init; }

    /// <summary>Waiting to go out, or being sent right now.</summary>
    public int Waiting { get; init; }

    public int Held => HeldByReason.Values.Sum();

    public int Suppressed => SuppressedByReason.Values.Sum();

    public bool IsEmpty => Sent + Held + Suppressed + Failed + Undeliverable + Waiting == 0;

    /// <summary>Adds up the grouped counts of one workflow (as <see cref="NotificationActivityRepository"/> reads them). Pure.</summary>
    public static WorkflowActivity Tally(long workflowId, IEnumerable<NotificationActivityCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int sent = 0, digests = 0, failed = 0, undeliverable = 0, waiting = 0;
        var held = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var suppressed = new SortedDictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset? release = null;
        foreach (var count in counts.Where(c => c.WorkflowId == workflowId))
        {
            var n = (int)count.Count;
            switch (count.Status)
            {
                case DeliveryStatus.Sent:
                    sent += n;
                    digests += count.MessageKind == MessageKind.Digest ? n : 0;
                    break;
                case DeliveryStatus.Held:
                    Add(held, count.HeldReason ?? "later", n);
                    release = count.NextAttemptAt is { } at && (release is null || at < release) ? at : release;
                    break;
                case DeliveryStatus.Suppressed:
                    Add(suppressed, count.SuppressedReason ?? "unknown", n);
                    break;
                case DeliveryStatus.Failed:
                    failed += n;
                    break;
                case DeliveryStatus.Undeliverable:
                    undeliverable += n;
                    break;
                default:
                    waiting += n;
                    break;
            }
        }

        return new WorkflowActivity
        {
            WorkflowId = workflowId,
            Sent = sent,
            SentInDigests = digests,
            HeldByReason = held,
            NextRelease = release,
            SuppressedByReason = suppressed,
            Failed = failed,
            Undeliverable = undeliverable,
            Waiting = waiting,
        };
    }

    private static void Add(SortedDictionary<string, int> counts, string key, int n) => counts[key] = counts.GetValueOrDefault(key) + n;
}

/// <summary>One group of a workflow's items: how many share a status, reasons and message kind, and their earliest next attempt.</summary>
public sealed record NotificationActivityCount
{
    public long WorkflowId { get; init; }
    public string Status { get; init; } = DeliveryStatus.Pending;
    public string? HeldReason { get; init; }
    public string? SuppressedReason { get; init; }
    public string? MessageKind { get; init; }
    public long Count { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
}
