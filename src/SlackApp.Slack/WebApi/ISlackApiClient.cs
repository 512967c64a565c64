using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.WebApi;

/// <summary>Slack's Web API, bound to one workspace's token.</summary>
/// <remarks>Every method throws <see cref="SlackApiException"/> when Slack answers <c>ok:false</c> or the call fails.</remarks>
public interface ISlackApiClient
{
    /// <summary><c>auth.test</c>: who the token belongs to.</summary>
    Task<AuthTestResult> AuthTestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>auth.teams.list</c>: one page of the workspaces the token can act in, from <paramref name="cursor"/> (null for the first).
    /// For an org-wide (Enterprise Grid) install these are the workspaces the org's admins granted the app; otherwise just the one.
    /// </summary>
    Task<AuthTeamsListResult> AuthTeamsListAsync(string? cursor = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary><c>auth.teams.list</c> through every page, following <c>response_metadata.next_cursor</c>.</summary>
    IAsyncEnumerable<SlackTeam> AuthTeamsListAllAsync(CancellationToken cancellationToken = default);

    /// <summary><c>chat.postMessage</c>. Never retried by the client: a retry after a lost answer would post twice.</summary>
    Task<ChatPostMessageResult> ChatPostMessageAsync(string channel, Message message, PostMessageOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary><c>chat.update</c>: replaces the message's text and blocks (a message without blocks clears them).</summary>
    Task<ChatUpdateResult> ChatUpdateAsync(string channel, string ts, Message message, CancellationToken cancellationToken = default);

    /// <summary><c>chat.postEphemeral</c>: a message only <paramref name="user"/> sees. Never retried by the client.</summary>
    Task<ChatPostEphemeralResult> ChatPostEphemeralAsync(string channel, string user, Message message, CancellationToken cancellationToken = default);

    /// <summary><c>views.open</c>: opens a modal. Never retried: the trigger id lives 3 seconds.</summary>
    Task<ViewResult> ViewsOpenAsync(string triggerId, View view, CancellationToken cancellationToken = default);

    /// <summary><c>views.update</c> by Slack's view id; with <paramref name="hash"/>, a stale update is refused (<c>hash_conflict</c>).</summary>
    Task<ViewResult> ViewsUpdateAsync(string viewId, View view, string? hash = null, CancellationToken cancellationToken = default);

    /// <summary><c>views.update</c> by the external id the app gave the view.</summary>
    Task<ViewResult> ViewsUpdateByExternalIdAsync(string externalId, View view, string? hash = null, CancellationToken cancellationToken = default);

    /// <summary><c>views.push</c>: stacks a modal on the open one. Never retried: the trigger id lives 3 seconds.</summary>
    Task<ViewResult> ViewsPushAsync(string triggerId, View view, CancellationToken cancellationToken = default);

    /// <summary><c>views.publish</c>: sets <paramref name="userId"/>'s App Home tab.</summary>
    Task<ViewResult> ViewsPublishAsync(string userId, View view, string? hash = null, CancellationToken cancellationToken = default);

    /// <summary><c>conversations.list</c>: one page, from <paramref name="cursor"/> (null for the first).</summary>
    Task<ConversationsListResult> ConversationsListAsync(ConversationsListQuery query, string? cursor = null, CancellationToken cancellationToken = default);

    /// <summary><c>conversations.list</c> through every page, following <c>response_metadata.next_cursor</c>.</summary>
    IAsyncEnumerable<Conversation> ConversationsListAllAsync(ConversationsListQuery query, CancellationToken cancellationToken = default);

    /// <summary><c>conversations.open</c>: the DM (one user) or group DM with <paramref name="users"/>, created if needed.</summary>
    Task<ConversationResult> ConversationsOpenAsync(IReadOnlyList<string> users, CancellationToken cancellationToken = default);

    /// <summary><c>conversations.info</c>.</summary>
    Task<ConversationResult> ConversationsInfoAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary><c>users.lookupByEmail</c>; an unknown email is <see cref="SlackApiException"/> with error <c>users_not_found</c>.</summary>
    Task<UserResult> UsersLookupByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary><c>users.info</c>.</summary>
    Task<UserResult> UsersInfoAsync(string user, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>users.conversations</c>: one page, from <paramref name="cursor"/> (null for the first), of the conversations
    /// <see cref="UsersConversationsQuery.User"/> is in. With a bot token, private channels are listed only when the
    /// bot is in them too (Slack: "restricted to those where the calling user shares membership").
    /// </summary>
    Task<ConversationsListResult> UsersConversationsAsync(UsersConversationsQuery query, string? cursor = null, CancellationToken cancellationToken = default);
}
