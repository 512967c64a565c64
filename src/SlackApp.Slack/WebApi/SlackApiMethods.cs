namespace SlackApp.Slack.WebApi;

/// <summary>Names of the Web API methods the client calls.</summary>
public static class SlackApiMethods
{
    public const string AuthTest = "auth.test";
    public const string AppsConnectionsOpen = "apps.connections.open";
    public const string AuthTeamsList = "auth.teams.list";
    public const string OAuthV2Access = "oauth.v2.access";
    public const string ChatPostMessage = "chat.postMessage";
    public const string ChatUpdate = "chat.update";
    public const string ChatPostEphemeral = "chat.postEphemeral";
    public const string ViewsOpen = "views.open";
    public const string ViewsUpdate = "views.update";
    public const string ViewsPush = "views.push";
    public const string ViewsPublish = "views.publish";
    public const string ConversationsList = "conversations.list";
    public const string ConversationsOpen = "conversations.open";
    public const string ConversationsInfo = "conversations.info";
    public const string UsersLookupByEmail = "users.lookupByEmail";
    public const string UsersInfo = "users.info";
    public const string UsersConversations = "users.conversations";

    /// <summary>Not a Web API method: a message sent to an interaction's <c>response_url</c>.</summary>
    public const string ResponseUrl = "response_url";
}
