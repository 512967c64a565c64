using System.Collections.Frozen;

namespace SlackApp.Slack.WebApi;

/// <summary>Which calls the HTTP pipeline may repeat on a transient failure, decided per method.</summary>
public static class SlackRetryRules
{
    /// <summary>Carries the Slack method on each request so the retry strategy can look it up.</summary>
    public static readonly HttpRequestOptionsKey<string> MethodKey = new("SlackApp.Slack.WebApi.Method");

    // Only calls whose repetition cannot change the outcome. Deliberately absent:
    // views.open / views.push — the trigger_id expires 3 seconds after the interaction, a retry only burns it;
    // chat.postMessage / chat.postEphemeral / response_url — a retry after a lost answer double-posts, the outbox owns retries;
    // oauth.v2.access — an authorization code is single-use, a retry after a lost answer can only fail.
    private static readonly FrozenSet<string> SafeToRetry = new[]
    {
        SlackApiMethods.AuthTest,
        SlackApiMethods.AuthTeamsList,
        SlackApiMethods.ChatUpdate,
        SlackApiMethods.ViewsUpdate,
        SlackApiMethods.ViewsPublish,
        SlackApiMethods.ConversationsList,
        SlackApiMethods.ConversationsOpen,
        SlackApiMethods.ConversationsInfo,
        SlackApiMethods.UsersLookupByEmail,
        SlackApiMethods.UsersInfo,
        SlackApiMethods.UsersConversations,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when repeating <paramref name="method"/> after a transient failure cannot post twice or waste a one-time id.</summary>
    public static bool IsSafeToRetry(string method) => SafeToRetry.Contains(method);
}
