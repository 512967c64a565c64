using SlackApp.Notifications;
using SlackApp.Workflows;

namespace SlackApp.Previews;

/// <summary>A stored signal as the preview replays it: when it arrived (the planner runs then) and its row id, for order.</summary>
public sealed record PreviewSignal(long RowId, Signal Signal, DateTimeOffset ReceivedAt);

/// <summary>What a draft workflow would have done with the signals of the preview window.</summary>
public sealed record PreviewResult
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>Signals received in the window (those read: the newest <see cref="RecentSignalRepository.MaxSignals"/> at most).</summary>
    public required int SignalsConsidered { get; init; }

    /// <summary>True when the window held more signals than were read: the counts cover the newest ones only.</summary>
    public bool Capped { get; init; }

    public required int Matched { get; init; }

    /// <summary>Items before noise control: each match once per recipient.</summary>
    public required int Items { get; init; }

    /// <summary>Slack messages, after the duplicate window, the daily cap and the delivery mode's grouping.</summary>
    public required int Messages { get; init; }

    /// <summary>Items not sent: the same news about the same person at the same account, to the same recipient, within the window.</summary>
    public required int SuppressedDuplicates { get; init; }

    /// <summary>Items beyond the daily cap, rolled into the recipient's next-day digest.</summary>
    public required int OverDailyCap { get; init; }

    /// <summary>Distinct people the account roles' DMs would have gone to, by the emails the signals name.</summary>
    public required int RolePeople { get; init; }

    /// <summary>Matches naming no email for a DM'd role: those DMs go to the fallback channel instead.</summary>
    public required int MatchesWithoutRoleEmail { get; init; }

    /// <summary>The latest matched signals, newest first (at most <see cref="PreviewSimulation.ExampleCount"/>).</summary>
    public required IReadOnlyList<PreviewSignal> Examples { get; init; }
}

/// <summary>
/// Replays a window of a workspace's stored signals through one draft workflow: which it matches (the real matcher),
/// and how many Slack messages that makes with its delivery settings, following the planner's own rules
/// (<see cref="DuplicateWindow"/>, <see cref="NotificationSubject"/>, <see cref="DeliverySchedule"/>). Pure and
/// deterministic. An estimate: it sees this workflow alone (other workflows' items to the same people, bursts folded
/// into one message and quiet hours are left out), every reader on the workspace's clock, and a role's person by
/// the email the signal names (Slack is not asked who that is).
/// </summary>
public static class PreviewSimulation
{
    public const int ExampleCount = 3;

    public static PreviewResult Run(Workflow draft, IReadOnlyList<PreviewSignal> signals, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, bool capped = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(zone);
        var delivery = draft.Delivery;
        var clock = new RecipientClock(zone);
        var inWindow = signals.Where(s => s.ReceivedAt >= from && s.ReceivedAt <= to).OrderBy(s => s.ReceivedAt).ThenBy(s => s.RowId).ToList();
        // Explain, not Match: a paused draft still shows what it would match once enabled.
        var matched = inWindow.Where(s => WorkflowMatcher.Explain(s.Signal, draft) is not null).ToList();

        var items = 0;
        var instantMessages = 0;
        var duplicates = 0;
        var overCap = 0;
        var rolePeople = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var withoutRoleEmail = 0;
        var earlier = new Dictionary<(string Recipient, string Subject), List<EarlierItem>>();
        var countedToday = new Dictionary<(string Recipient, DateTimeOffset Day), int>();
        var heldMessages = new HashSet<(string Recipient, DateTimeOffset At)>();

        foreach (var match in matched)
        {
            var signal = match.Signal;
            var now = match.ReceivedAt;
            var subject = NotificationSubject.SubjectKey(signal);
            var fact = NotificationSubject.FactKey(signal);
            var recipients = Recipients(draft, signal, rolePeople, out var missingEmail);
            withoutRoleEmail += missingEmail ? 1 : 0;
            foreach (var recipient in recipients)
            {
                items++;
                var heard = earlier.TryGetValue((recipient, subject), out var list) ? list : earlier[(recipient, subject)] = [];
                if (DuplicateWindow.IsDuplicate(now, delivery.DuplicateWindow, subject, fact, heard))
                {
                    duplicates++;
                    continue;
                }

                heard.Add(new EarlierItem(subject, fact, now));
                // As the planner counts: the day's items in the reader's day, not those already over the cap.
                var day = (recipient, DeliverySchedule.DayStart(now, zone));
                var today = countedToday.GetValueOrDefault(day);
                var beyondCap = delivery.DailyCap is { } cap && today >= cap;
                if (beyondCap)
                {
                    overCap++;
                }
                else
                {
                    countedToday[day] = today + 1;
                }

                var release = DeliverySchedule.Decide(now, delivery, clock, beyondCap);
                if (release.IsHeld)
                {
                    // Held items of one recipient released at the same time go out together, as one digest.
                    heldMessages.Add((recipient, release.At));
                }
                else
                {
                    instantMessages++;
                }
            }
        }

        return new PreviewResult
        {
            From = from,
            To = to,
            SignalsConsidered = inWindow.Count,
            Capped = capped,
            Matched = matched.Count,
            Items = items,
            Messages = instantMessages + heldMessages.Count,
            SuppressedDuplicates = duplicates,
            OverDailyCap = overCap,
            RolePeople = rolePeople.Count,
            MatchesWithoutRoleEmail = withoutRoleEmail,
            Examples = matched.AsEnumerable().Reverse().Take(ExampleCount).ToList(),
        };
    }

    // One key per recipient of this signal, as the resolver would deliver (one item per recipient however reached).
    private static HashSet<string> Recipients(Workflow draft, Signal signal, HashSet<string> rolePeople, out bool missingEmail)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        missingEmail = false;
        foreach (var channel in draft.Recipients.ChannelIds)
        {
            keys.Add("channel:" + channel);
        }

        foreach (var user in draft.Recipients.UserIds)
        {
            keys.Add("user:" + user);
        }

        foreach (var role in draft.Recipients.Roles)
        {
            if (signal.Account.EmailOf(role) is { } email && !string.IsNullOrWhiteSpace(email))
            {
                var person = email.Trim().ToUpperInvariant();
                rolePeople.Add(person);
                keys.Add("email:" + person);
            }
            else
            {
                // The resolver posts it to the fallback channel (the workflow's, else the workspace's) instead.
                missingEmail = true;
                keys.Add("fallback:" + (draft.FallbackChannelId ?? string.Empty));
            }
        }

        return keys;
    }
}
