using SlackApp.Notifications;
using SlackApp.Workflows;

namespace SlackApp.Explanations;

/// <summary>Everything <c>/usergems why SIGNAL_ID</c> answers with, gathered before it is drawn.</summary>
public sealed record SignalExplanation
{
    /// <summary>The id as the person typed it.</summary>
    public required string SignalId { get; init; }

    /// <summary>The stored signal, or null when this workspace has none with that id (never found, or purged).</summary>
    public ExplainedSignal? Found { get; init; }

    /// <summary>Each workflow of the workspace, as it is now, against the signal.</summary>
    public IReadOnlyList<WorkflowVerdict> Workflows { get; init; } = [];

    /// <summary>The signal's items: one per recipient, in the order they were planned.</summary>
    public IReadOnlyList<ExplainedItem> Items { get; init; } = [];
}

/// <summary>A stored signal and how far matching got with it.</summary>
public sealed record ExplainedSignal
{
    /// <summary>The signal as read back, or null when its stored JSON no longer reads (it is then not matched against workflows).</summary>
    public Signal? Signal { get; init; }

    /// <summary>The type as stored (a wire name), shown when <see cref="Signal"/> is null.</summary>
    public required string TypeName { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>True once the matching worker handed it on.</summary>
    public bool Matched { get; init; }

    public DateTimeOffset? MatchedAt { get; init; }

    /// <summary>How many workflows matched it then.</summary>
    public int? MatchCount { get; init; }

    /// <summary>Failed matching passes so far, and the last one's error.</summary>
    public int Attempts { get; init; }

    public string? LastError { get; init; }
}

/// <summary>One workflow against the signal: the reasons it matches, or why it does not.</summary>
public sealed record WorkflowVerdict(long WorkflowId, string Name, IReadOnlyList<string> Reasons, string? Miss)
{
    public bool Matched => Miss is null;
}

/// <summary>One item of the signal (a <c>notification_deliveries</c> row) and the Slack message that carries it, if any.</summary>
public sealed record ExplainedItem
{
    public required RecipientKind RecipientKind { get; init; }

    public required string RecipientId { get; init; }

    /// <summary>One of <see cref="DeliveryStatus"/>'s values.</summary>
    public required string Status { get; init; }

    /// <summary>One of <see cref="HoldReason"/>'s values; kept once the item is sent.</summary>
    public string? HeldReason { get; init; }

    public string? SuppressedReason { get; init; }

    /// <summary>When a held item is released, or a waiting one next tried.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>One of <see cref="MessageKind"/>'s values, once a message carries the item.</summary>
    public string? MessageKind { get; init; }

    /// <summary>Slack's error code when it failed.</summary>
    public string? LastError { get; init; }

    /// <summary>Why it failed or could not be delivered, in words.</summary>
    public string? ErrorDetail { get; init; }

    public int Attempts { get; init; }

    /// <summary>The workflow whose delivery settings it follows, when known (null on items planned before noise control).</summary>
    public string? WorkflowName { get; init; }

    public string? AcknowledgedBy { get; init; }
}
