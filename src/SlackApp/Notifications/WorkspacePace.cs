namespace SlackApp.Notifications;

/// <summary>
/// How fast one workspace is sent to: the configured ceiling until Slack answers 429, then half the pace it had, held
/// back for Slack's <c>Retry-After</c>, then climbing back additively to the ceiling (AIMD, as TCP does), so a
/// workspace whose real limit is below the ceiling settles just under it instead of being refused again and again.
/// </summary>
internal sealed class WorkspacePace(double ceiling)
{
    private readonly double _ceiling = ceiling;

    // Back from half to the ceiling in about 20 s: fast enough to use a limit that was only briefly lower, slow enough
    // that a workspace whose limit is lower meets it again only every few dozen seconds.
    private const double RecoverySeconds = 40;

    // Never slower than this share of the ceiling, so a run of 429s cannot stall a workspace for minutes.
    private const double FloorShare = 1.0 / 64;

    private double _slowedTo = ceiling;
    private DateTimeOffset _recoveringFrom = DateTimeOffset.MinValue;

    public SendLane Lane { get; } = new();

    /// <summary>Sends to the workspace wait until then (Slack's <c>Retry-After</c>).</summary>
    public DateTimeOffset HeldUntil { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Messages per second allowed at <paramref name="now"/>.</summary>
    public double PerSecond(DateTimeOffset now)
    {
        if (now <= _recoveringFrom)
        {
            return _slowedTo;
        }

        var climbed = _slowedTo + (_ceiling / RecoverySeconds * (now - _recoveringFrom).TotalSeconds);
        return climbed < _ceiling ? climbed : _ceiling;
    }

    /// <summary>Slack said 429: halve the pace and hold every send until <paramref name="until"/>.</summary>
    public void RateLimited(DateTimeOffset now, DateTimeOffset until)
    {
        var halved = PerSecond(now) / 2;
        _slowedTo = halved > _ceiling * FloorShare ? halved : _ceiling * FloorShare;
        if (until > HeldUntil)
        {
            HeldUntil = until;
        }

        _recoveringFrom = HeldUntil;
    }

    public bool IsIdle(DateTimeOffset now) => Lane.IsIdle(now) && PerSecond(now) >= _ceiling && HeldUntil <= now;
}
