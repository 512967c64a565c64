namespace SlackApp.Notifications;

/// <summary>
/// The <c>Notifications</c> settings: retries, pacing and caches of the delivery worker and the planner.
/// </summary>
/// <remarks>
/// Pacing follows Slack's limits for <c>chat.postMessage</c>: about one message per second per channel (short bursts
/// tolerated, as documented) and a workspace-wide limit Slack does not publish (large senders report about 500 a
/// minute), beyond which Slack answers 429 with <c>Retry-After</c>.
/// </remarks>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Attempts of a delivery on transient failures before it ends failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first transient failure; doubles with each further one (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages per second to one channel or DM (Slack: about 1).</summary>
    public double ChannelMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages one channel may take at once before pacing starts.</summary>
    public int ChannelBurst { get; set; } = 1;

    /// <summary>
    /// Burst coalescing: when more items wait for one channel than its pace posts within this window, they go out
    /// together as digest messages instead of one message each. Zero turns it off (digests and quiet hours still fold).
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// What one of a workflow's "escalate after N hours" counts: an hour in production; tests and demos set minutes
    /// (e.g. <c>00:01:00</c>) to see escalation without waiting.
    /// </summary>
    public TimeSpan EscalationUnit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the escalation worker looks for items past their workflow's time.</summary>
    public TimeSpan EscalationCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many waiting items of one channel start burst coalescing (its pace over <see cref="CoalesceWindow"/>).</summary>
    internal int CoalesceAbove => (int)Math.Floor(ChannelMessagesPerSecond * CoalesceWindow.TotalSeconds);

    /// <summary>
    /// The most messages per second to one workspace, all channels together (Slack does not publish its limit; large
    /// senders report about 500 a minute). A 429 from Slack halves the pace for a while (see <see cref="WorkspacePace"/>).
    /// </summary>
    public double WorkspaceMessagesPerSecond { get; set; } = 4;

    /// <summary>Messages one workspace may take at once before pacing starts.</summary>
    public int WorkspaceBurst { get; set; } = 20;

    /// <summary>Messages handed to Slack at once, all workspaces and channels together; each channel still has one at a time.</summary>
    public int MaxConcurrentSends { get; set; } = 32;

    /// <summary>Deliveries claimed per round trip to the database.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed delivery is reserved for this instance; longer than one Slack call with its timeouts.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the worker looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a Slack user found by email is remembered.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an email Slack does not know (<c>users_not_found</c>) is remembered.</summary>
    public TimeSpan UserNotFoundCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Notifications listed in the App Home tab.</summary>
    public int HomeRecentCount { get; set; } = 10;

    /// <summary>
    /// <c>users.lookupByEmail</c> calls one instance makes at once while planning notifications; a batch's other
    /// lookups wait their turn (calls for the same email share one).
    /// </summary>
    public int MaxConcurrentLookups { get; set; } = 8;

    internal bool IsValid =>
        MaxAttempts > 0 && RetryBaseDelay > TimeSpan.Zero && MaxRetryDelay >= RetryBaseDelay
        && ChannelMessagesPerSecond > 0 && ChannelBurst > 0 && WorkspaceMessagesPerSecond > 0 && WorkspaceBurst > 0
        && MaxConcurrentSends > 0 && BatchSize > 0 && LeaseDuration > TimeSpan.Zero && PollInterval > TimeSpan.Zero
        && UserCacheDuration >= TimeSpan.Zero && UserNotFoundCacheDuration >= TimeSpan.Zero && HomeRecentCount is > 0 and <= 20
        && MaxConcurrentLookups > 0 && CoalesceWindow >= TimeSpan.Zero && EscalationUnit > TimeSpan.Zero && EscalationCheckInterval > TimeSpan.Zero;
}
