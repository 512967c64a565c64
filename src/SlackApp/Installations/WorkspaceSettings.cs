namespace SlackApp.Installations;

/// <summary>A workspace's own settings, changed by its admins from the App Home tab.</summary>
public sealed record WorkspaceSettings
{
    /// <summary>e.g. <c>https://acme.lightning.force.com</c>; makes "Open in Salesforce" links.</summary>
    public string? SalesforceBaseUrl { get; init; }

    /// <summary>Where a DM goes when its person cannot be found in Slack, unless a workflow says otherwise.</summary>
    public string? FallbackChannelId { get; init; }

    public DateTimeOffset? SignalSecretRotatedAt { get; init; }

    /// <summary>The workspace's IANA time zone: channel daily digests and workspace quiet hours follow it; UTC when unset.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When DMs are held for the whole workspace (in <see cref="TimeZone"/>); null is off.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>Whether channel posts are held during <see cref="QuietHours"/> too (DMs always are).</summary>
    public bool QuietHoursHoldChannels { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    /// <summary>The zone of <see cref="TimeZone"/>; UTC when unset or no longer known here.</summary>
    public TimeZoneInfo ZoneOrUtc() => ZonedTime.Find(TimeZone) ?? TimeZoneInfo.Utc;
}
