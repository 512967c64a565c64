namespace SlackApp.Home;

/// <summary>The action_ids of the Home tab's own buttons and menus (workflow buttons use <c>WorkflowActionIds</c>).</summary>
public static class HomeActionIds
{
    public const string Settings = "home.settings";
    public const string WorkflowMenu = "home.workflow_menu";
    public const string ShowMore = "home.show_more";
    public const string ShowFirst = "home.show_first";
    public const string ShowSecret = "home.show_secret";
    public const string RotateSecret = "home.rotate_secret";

    /// <summary>Opens the admin's API keys modal; <see cref="RevokeApiKey"/> is the Revoke button on each key in it.</summary>
    public const string ApiKeys = "home.api_keys";
    public const string RevokeApiKey = "home.api_keys.revoke";

    /// <summary>Opens the member's own quiet hours (when their DMs are held).</summary>
    public const string MyQuietHours = "home.my_quiet_hours";
}
