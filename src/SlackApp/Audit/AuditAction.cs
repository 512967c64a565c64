using SlackApp.SlackUx;

namespace SlackApp.Audit;

/// <summary>
/// The audit log's actions, as stored (so renaming a C# member never changes old rows), and the words each is shown
/// with. One list, so a new kind of configuration adds its actions here.
/// </summary>
public static class AuditAction
{
    public const string WorkflowCreated = "workflow.created";
    public const string WorkflowEdited = "workflow.edited";
    public const string WorkflowPaused = "workflow.paused";
    public const string WorkflowResumed = "workflow.resumed";
    public const string WorkflowDeleted = "workflow.deleted";
    public const string SettingsSaved = "settings.saved";
    public const string ManagersSet = "managers.set";

    /// <summary>Only that it was rotated: the secret itself is never recorded.</summary>
    public const string SignalSecretRotated = "signal_secret.rotated";

    /// <summary>A CRM owner email mapped to a Slack user (subject: the email), from the Home tab, a fallback message or "Wrong owner".</summary>
    public const string OwnerMappingSet = "owner_mapping.set";

    public const string OwnerMappingRemoved = "owner_mapping.removed";

    /// <summary>An admin API key made (subject: its name); the key itself is never recorded.</summary>
    public const string ApiKeyCreated = "api_key.created";

    public const string ApiKeyRevoked = "api_key.revoked";

    public static IReadOnlyList<string> All { get; } =
    [
        WorkflowCreated, WorkflowEdited, WorkflowPaused, WorkflowResumed, WorkflowDeleted, SettingsSaved, ManagersSet, SignalSecretRotated,
        OwnerMappingSet, OwnerMappingRemoved, ApiKeyCreated, ApiKeyRevoked,
    ];

    /// <summary>What the actor did, as in "&lt;@U1&gt; {verb}", e.g. "paused the workflow".</summary>
    public static string Verb(string action) => action switch
    {
        WorkflowCreated => "created the workflow",
        WorkflowEdited => "edited the workflow",
        WorkflowPaused => "paused the workflow",
        WorkflowResumed => "resumed the workflow",
        WorkflowDeleted => "deleted the workflow",
        SettingsSaved => "changed the settings",
        ManagersSet => "changed the workflow managers",
        SignalSecretRotated => "rotated the signal secret",
        OwnerMappingSet => "mapped an owner email",
        OwnerMappingRemoved => "removed an owner mapping",
        ApiKeyCreated => "created the API key",
        ApiKeyRevoked => "revoked the API key",
        // A row written by a newer version of the app: shown, never trusted as mrkdwn.
        _ => "did " + UntrustedText.MrkdwnClipped(UntrustedText.Label(action), 40),
    };
}

/// <summary>What an audit entry is about, as stored.</summary>
public static class AuditSubject
{
    public const string Workflow = "workflow";
    public const string Settings = "settings";
    public const string Managers = "managers";
    public const string SignalSecret = "signal_secret";
    public const string OwnerMapping = "owner_mapping";
    public const string ApiKey = "api_key";
}
