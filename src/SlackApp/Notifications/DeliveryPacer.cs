using Microsoft.Extensions.Options;

namespace SlackApp.Notifications;

/// <summary>
/// Keeps sends within Slack's limits: a pace per channel (a DM counts as a channel) and an adaptive one per workspace
/// (<see cref="WorkspacePace"/>). Decides, never waits: a delivery that may not go now gets a booked slot, the time to
/// put it back until; when it comes back then, the slot is its own and it goes at once.
/// </summary>
/// <remarks>
/// Slots are booked in memory: after a restart, or on another instance, a delivery simply books a new one. Each
/// instance paces what it sends; instances do not share their pace.
/// </remarks>
public sealed class DeliveryPacer(TimeProvider clock, IOptions<NotificationOptions> options)
{
    // Bounds the memory of channels and bookings; idle channels and stale bookings are what is forgotten first.
    private const int MaxEntries = 10_000;

    private static readonly TimeSpan StaleBooking = TimeSpan.FromMinutes(10);

    private readonly NotificationOptions _options = options.Value;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WorkspacePace> _workspaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string TeamId, string Channel), SendLane> _channels = [];
    private readonly Dictionary<long, Booking> _bookings = [];

    private TimeSpan ChannelInterval => TimeSpan.FromSeconds(1 / _options.ChannelMessagesPerSecond);

    /// <summary>
    /// Asks to send delivery <paramref name="deliveryId"/> to <paramref name="channel"/> of <paramref name="teamId"/>:
    /// null when it may go now, else the time it is booked for (or, while Slack holds the workspace back, when the hold ends).
    /// </summary>
    public DateTimeOffset? Admit(string teamId, string channel, long deliveryId)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var workspace = Workspace(teamId);
            if (workspace.HeldUntil > now)
            {
                return workspace.HeldUntil;
            }

            if (_bookings.Remove(deliveryId, out var booked))
            {
                if (booked.Slot <= now)
                {
                    return null;
                }

                _bookings[deliveryId] = booked;
                return booked.Slot;
            }

            var lane = Channel(teamId, channel);
            var workspaceInterval = TimeSpan.FromSeconds(1 / workspace.PerSecond(now));
            var fromWorkspace = workspace.Lane.EarliestSlot(now, workspaceInterval, _options.WorkspaceBurst);
            var fromChannel = lane.EarliestSlot(now, ChannelInterval, _options.ChannelBurst);
            var slot = fromWorkspace > fromChannel ? fromWorkspace : fromChannel;
            workspace.Lane.Book(slot, workspaceInterval);
            lane.Book(slot, ChannelInterval);
            if (slot <= now)
            {
                return null;
            }

            ForgetStaleBookings(now);
            _bookings[deliveryId] = new Booking(teamId, slot);
            return slot;
        }
    }

    /// <summary>
    /// Slack answered 429 for the workspace: every send to it waits until <paramref name="until"/> (its <c>Retry-After</c>),
    /// its pace halves, and slots booked at the old pace are given up (their deliveries book again when they come back).
    /// </summary>
    public void RateLimited(string teamId, DateTimeOffset until)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            var workspace = Workspace(teamId);
            workspace.RateLimited(now, until);
            workspace.Lane.Block(workspace.HeldUntil, TimeSpan.FromSeconds(1 / workspace.PerSecond(workspace.HeldUntil)), _options.WorkspaceBurst);
            foreach (var id in _bookings.Where(b => b.Value.TeamId == teamId).Select(b => b.Key).ToList())
            {
                _bookings.Remove(id);
            }
        }
    }

    /// <summary>Until when Slack holds the workspace back (its last 429's <c>Retry-After</c>); null when it does not.</summary>
    public DateTimeOffset? HeldUntil(string teamId)
    {
        lock (_lock)
        {
            return _workspaces.TryGetValue(teamId, out var workspace) && workspace.HeldUntil > clock.GetUtcNow() ? workspace.HeldUntil : null;
        }
    }

    /// <summary>The workspace's pace now, in messages per second (the ceiling unless Slack said 429 lately).</summary>
    public double CurrentPace(string teamId)
    {
        lock (_lock)
        {
            return _workspaces.TryGetValue(teamId, out var workspace) ? workspace.PerSecond(clock.GetUtcNow()) : _options.WorkspaceMessagesPerSecond;
        }
    }

    /// <summary>Each workspace this instance has sent to lately, with its pace now (messages per second).</summary>
    public IReadOnlyList<(string TeamId, double PerSecond)> Paces()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            return [.. _workspaces.Select(w => (w.Key, w.Value.PerSecond(now)))];
        }
    }

    private WorkspacePace Workspace(string teamId)
    {
        if (!_workspaces.TryGetValue(teamId, out var workspace))
        {
            if (_workspaces.Count >= MaxEntries)
            {
                var now = clock.GetUtcNow();
                Forget(_workspaces, w => w.IsIdle(now));
            }

            workspace = new WorkspacePace(_options.WorkspaceMessagesPerSecond);
            _workspaces[teamId] = workspace;
        }

        return workspace;
    }

    private SendLane Channel(string teamId, string channel)
    {
        if (!_channels.TryGetValue((teamId, channel), out var lane))
        {
            if (_channels.Count >= MaxEntries)
            {
                var now = clock.GetUtcNow();
                Forget(_channels, l => l.IsIdle(now));
            }

            lane = new SendLane();
            _channels[(teamId, channel)] = lane;
        }

        return lane;
    }

    // A booking whose delivery never came back (sent by another instance, cancelled) must not be kept forever.
    private void ForgetStaleBookings(DateTimeOffset now)
    {
        if (_bookings.Count >= MaxEntries)
        {
            Forget(_bookings, b => b.Slot < now - StaleBooking);
        }
    }

    private static void Forget<TKey, TValue>(Dictionary<TKey, TValue> entries, Func<TValue, bool> forgettable)
        where TKey : notnull
    {
        foreach (var key in entries.Where(e => forgettable(e.Value)).Select(e => e.Key).ToList())
        {
            entries.Remove(key);
        }
    }

    private readonly record struct Booking(string TeamId, DateTimeOffset Slot);
}
