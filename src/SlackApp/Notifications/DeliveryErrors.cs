namespace SlackApp.Notifications;

/// <summary>What Slack's <c>chat.postMessage</c> error codes mean for the people reading the Home tab.</summary>
public static class DeliveryErrors
{
    public const string AppUninstalled = "app_uninstalled";
    public const string SignalMissing = "signal_missing";

    /// <summary>The stored signal or its matched workflows no longer parse, so no message can be built.</summary>
    public const string UnreadableSignal = "unreadable_signal";

    /// <summary>The workspace's stored bot token cannot be decrypted (e.g. the Data Protection key ring was replaced).</summary>
    public const string UnreadableInstallation = "unreadable_installation";

    /// <summary>The app itself failed (not Slack); the reason says where.</summary>
    public const string AppError = "app_error";

    /// <summary>A reason people can act on, for a permanent failure with Slack's <paramref name="code"/>.</summary>
    public static string Explain(string code, string channel) => code switch
    {
        "channel_not_found" => $"Slack cannot find {Mention(channel)}: it was deleted, or it is private and the app is not in it.",
        "not_in_channel" => $"Invite the app to {Mention(channel)}.",
        "is_archived" => $"{Mention(channel)} is archived.",
        "invalid_blocks" => "Slack refused the message's layout (invalid_blocks).",
        "account_inactive" or "user_not_found" or "users_not_found" => $"{Mention(channel)} is deactivated or not in this workspace.",
        "invalid_auth" or "token_revoked" or "not_authed" or "token_expired" => "The app's access to this workspace was revoked; reinstall it.",
        "restricted_action" or "ekm_access_denied" => "The workspace's settings do not allow the app to post there.",
        "msg_too_long" => "The message was too long for Slack.",
        _ => $"Slack refused the message ({code}).",
    };

    /// <summary>Slack renders a channel or user id as its name; unknown ids stay as they are.</summary>
    public static string Mention(string id) => id.Length > 0 && id[0] is 'U' or 'W' ? $"<@{id}>" : $"<#{id}>";
}
