using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>Everything a notification message shows: the signal, why it matched, and its state.</summary>
public sealed record NotificationContent
{
    public required Signal Signal { get; init; }

    public required IReadOnlyList<WorkflowMatch> Matches { get; init; }

    /// <summary>The delivery the Acknowledge button refers to (re-checked when clicked).</summary>
    public required long DeliveryId { get; init; }

    /// <summary>The workspace's Salesforce base URL, for the "Open in Salesforce" button.</summary>
    public string? SalesforceBaseUrl { get; init; }

    /// <summary>Set when this copy went to a fallback channel because a DM could not be delivered.</summary>
    public string? UndeliveredNote { get; init; }

    /// <summary>On a fallback copy: the email Slack knew nobody by, so the message offers "Map this owner".</summary>
    public string? UnmatchedOwnerEmail { get; init; }

    /// <summary>A sample sent by "Send test": clearly marked, nothing real behind it.</summary>
    public bool IsTest { get; init; }

    /// <summary>The account's people found in Slack: the owner is mentioned, and a DM's reader told which role is theirs.</summary>
    public AccountPeople People { get; init; } = AccountPeople.None;

    /// <summary>Who reads it, for a DM (a user id); null for a channel post.</summary>
    public string? ReaderUserId { get; init; }

    /// <summary>Who acknowledged it and when, once someone did.</summary>
    public Acknowledgement? Acknowledgement { get; init; }

    /// <summary>Who took it in a channel and when, while they have it.</summary>
    public ItemClaim? Claim { get; init; }

    /// <summary>Who snoozed this copy and until when.</summary>
    public SnoozeMark? Snooze { get; init; }

    /// <summary>When the signal was escalated (nobody acknowledged or claimed it in its workflow's time).</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>A snoozed signal come back to the person who snoozed it.</summary>
    public bool IsReminder { get; init; }

    /// <summary>Who said it does not matter, once someone did.</summary>
    public NotRelevantMark? NotRelevant { get; init; }

    /// <summary>"Wrong owner" on this copy: who it went to instead, by whom and when.</summary>
    public ForwardMark? Forwarded { get; init; }

    /// <summary>A DM forwarded to its reader by someone who said it was not theirs, and why.</summary>
    public ForwardNote? ForwardedFrom { get; init; }

    /// <summary>A DM (not a reminder, not a test) to a person for the role they hold on the account, not forwarded yet.</summary>
    public bool CanForward => ReaderUserId is not null && !IsReminder && !IsTest && Forwarded is null && People.RoleOf(ReaderUserId) is not null;

    /// <summary>A channel post (not a DM, not a test): the copies people in a channel claim.</summary>
    public bool IsClaimable => ReaderUserId is null && !IsTest;
}

/// <summary>A person's "I've got this" on a notification.</summary>
public sealed record Acknowledgement(string UserId, DateTimeOffset At);

/// <summary>A person's "I'll handle this" on a signal posted in a channel; theirs until they release it.</summary>
public sealed record ItemClaim(string UserId, DateTimeOffset At);

/// <summary>A reader's "not relevant" on an item, with the reason they gave (stored as <see cref="NotRelevantReasons"/> wrote it).</summary>
public sealed record NotRelevantMark(string UserId, DateTimeOffset At, string? Reason);

/// <summary>A person's "remind me later" on a copy: it comes back to them as a DM at <see cref="Until"/>.</summary>
public sealed record SnoozeMark(string UserId, DateTimeOffset Until);

/// <summary>A copy forwarded with "Wrong owner": to whom, by whom and when.</summary>
public sealed record ForwardMark(string ToUserId, string ByUserId, DateTimeOffset At);

/// <summary>Who forwarded a DM to its reader, and why (their words, untrusted).</summary>
public sealed record ForwardNote(string ByUserId, string? Reason);
