using SlackApp.Analytics;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>Everything one user's Home tab shows, gathered before it is drawn.</summary>
public sealed record HomeTabModel
{
    public required string TeamId { get; init; }
    public required WorkflowAccess Access { get; init; }
    public InstallationStatus? Installation { get; init; }
    public WorkspaceSettings Settings { get; init; } = new();
    public IReadOnlyList<Workflow> Workflows { get; init; } = [];

    /// <summary>How many workflows come before this page.</summary>
    public int Offset { get; init; }
    public bool HasMore { get; init; }

    /// <summary>Shown to admins: where signal sources post.</summary>
    public string? WebhookUrl { get; init; }
    public IReadOnlyList<Block> NotificationBlocks { get; init; } = [];

    /// <summary>Admins only: the audit log's latest changes, drawn by <see cref="SlackApp.Audit.AuditComposer.HomeSection"/>.</summary>
    public IReadOnlyList<Block> AuditBlocks { get; init; } = [];

    /// <summary>Admins only: unmatched owner emails and owner mappings, drawn by OwnerMappings.</summary>
    public IReadOnlyList<Block> OwnerMappingBlocks { get; init; } = [];

    /// <summary>Admins and managers only (see <see cref="HomeTabPublisher"/>): the last 7 and 30 days' analytics; null for others.</summary>
    public HomeAnalytics? Analytics { get; init; }

    /// <summary>What each workflow of the page did over the last days; a workflow without an entry shows none.</summary>
    public IReadOnlyDictionary<long, WorkflowActivity> Activity { get; init; } = new Dictionary<long, WorkflowActivity>();
}
