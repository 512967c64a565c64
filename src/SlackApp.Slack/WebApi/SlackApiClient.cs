using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.WebApi;

/// <summary>The Web API client bound to one token; JSON bodies for write methods, form bodies for read methods.</summary>
internal sealed class SlackApiClient(SlackApiTransport transport, string token) : ISlackApiClient
{
    public Task<AuthTestResult> AuthTestAsync(CancellationToken cancellationToken = default)
        => transport.PostFormAsync<AuthTestResult>(SlackApiMethods.AuthTest, token, [], cancellationToken);

    public Task<AuthTeamsListResult> AuthTeamsListAsync(string? cursor = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("limit", limit.ToString(CultureInfo.InvariantCulture)) };
        if (!string.IsNullOrEmpty(cursor))
        {
            form.Add(new("cursor", cursor));
        }

        return transport.PostFormAsync<AuthTeamsListResult>(SlackApiMethods.AuthTeamsList, token, form, cancellationToken);
    }

    public async IAsyncEnumerable<SlackTeam> AuthTeamsListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await AuthTeamsListAsync(cursor, cancellationToken: cancellationToken);
            foreach (var team in page.Teams)
            {
                yield return team;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public Task<ChatPostMessageResult> ChatPostMessageAsync(string channel, Message message, PostMessageOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PostMessageOptions();
        var body = MessageBody(channel, message);
        body["unfurl_links"] = options.UnfurlLinks;
        body["unfurl_media"] = options.UnfurlMedia;
        SetIfPresent(body, "thread_ts", options.ThreadTs);
        if (options.ReplyBroadcast is { } broadcast)
        {
            body["reply_broadcast"] = broadcast;
        }

        if (options.Metadata is { } metadata)
        {
            body["metadata"] = JsonSerializer.SerializeToNode(metadata, SlackJson.Options);
        }

        return transport.PostJsonAsync<ChatPostMessageResult>(SlackApiMethods.ChatPostMessage, token, body, cancellationToken);
    }

    public Task<ChatUpdateResult> ChatUpdateAsync(string channel, string ts, Message message, CancellationToken cancellationToken = default)
    {
        var body = MessageBody(channel, message);
        body["ts"] = ts;
        // Slack keeps the old blocks when `blocks` is absent; the Message is the whole new content.
        body["blocks"] ??= new JsonArray();
        return transport.PostJsonAsync<ChatUpdateResult>(SlackApiMethods.ChatUpdate, token, body, cancellationToken);
    }

    public Task<ChatPostEphemeralResult> ChatPostEphemeralAsync(string channel, string user, Message message, CancellationToken cancellationToken = default)
    {
        var body = MessageBody(channel, message);
        body["user"] = user;
        return transport.PostJsonAsync<ChatPostEphemeralResult>(SlackApiMethods.ChatPostEphemeral, token, body, cancellationToken);
    }

    public Task<ViewResult> ViewsOpenAsync(string triggerId, View view, CancellationToken cancellationToken = default)
        => PostViewAsync(SlackApiMethods.ViewsOpen, view, new JsonObject { ["trigger_id"] = triggerId }, cancellationToken);

    public Task<ViewResult> ViewsUpdateAsync(string viewId, View view, string? hash = null, CancellationToken cancellationToken = default)
        => PostViewAsync(SlackApiMethods.ViewsUpdate, view, WithHash(new JsonObject { ["view_id"] = viewId }, hash), cancellationToken);

    public Task<ViewResult> ViewsUpdateByExternalIdAsync(string externalId, View view, string? hash = null, CancellationToken cancellationToken = default)
        => PostViewAsync(SlackApiMethods.ViewsUpdate, view, WithHash(new JsonObject { ["external_id"] = externalId }, hash), cancellationToken);

    public Task<ViewResult> ViewsPushAsync(string triggerId, View view, CancellationToken cancellationToken = default)
        => PostViewAsync(SlackApiMethods.ViewsPush, view, new JsonObject { ["trigger_id"] = triggerId }, cancellationToken);

    public Task<ViewResult> ViewsPublishAsync(string userId, View view, string? hash = null, CancellationToken cancellationToken = default)
        => PostViewAsync(SlackApiMethods.ViewsPublish, view, WithHash(new JsonObject { ["user_id"] = userId }, hash), cancellationToken);

    public Task<ConversationsListResult> ConversationsListAsync(ConversationsListQuery query, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("types", string.Join(',', query.Types)),
            new("exclude_archived", query.ExcludeArchived ? "true" : "false"),
            new("limit", query.Limit.ToString(CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(cursor))
        {
            form.Add(new("cursor", cursor));
        }

        return transport.PostFormAsync<ConversationsListResult>(SlackApiMethods.ConversationsList, token, form, cancellationToken);
    }

    public async IAsyncEnumerable<Conversation> ConversationsListAllAsync(ConversationsListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await ConversationsListAsync(query, cursor, cancellationToken);
            foreach (var channel in page.Channels)
            {
                yield return channel;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    public Task<ConversationResult> ConversationsOpenAsync(IReadOnlyList<string> users, CancellationToken cancellationToken = default)
        => transport.PostFormAsync<ConversationResult>(SlackApiMethods.ConversationsOpen, token, [new("users", string.Join(',', users))], cancellationToken);

    public Task<ConversationResult> ConversationsInfoAsync(string channel, CancellationToken cancellationToken = default)
        => transport.PostFormAsync<ConversationResult>(SlackApiMethods.ConversationsInfo, token, [new("channel", channel)], cancellationToken);

    public Task<UserResult> UsersLookupByEmailAsync(string email, CancellationToken cancellationToken = default)
        => transport.PostFormAsync<UserResult>(SlackApiMethods.UsersLookupByEmail, token, [new("email", email)], cancellationToken);

    public Task<UserResult> UsersInfoAsync(string user, CancellationToken cancellationToken = default)
        => transport.PostFormAsync<UserResult>(SlackApiMethods.UsersInfo, token, [new("user", user)], cancellationToken);

    public Task<ConversationsListResult> UsersConversationsAsync(UsersConversationsQuery query, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var form = new List<KeyValuePair<string, string>>
        {
            new("user", query.User),
            new("types", string.Join(',', query.Types)),
            new("exclude_archived", query.ExcludeArchived ? "true" : "false"),
            new("limit", query.Limit.ToString(CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(cursor))
        {
            form.Add(new("cursor", cursor));
        }

        return transport.PostFormAsync<ConversationsListResult>(SlackApiMethods.UsersConversations, token, form, cancellationToken);
    }

    private Task<ViewResult> PostViewAsync(string method, View view, JsonObject body, CancellationToken cancellationToken)
    {
        body["view"] = BlockKitJson.ToNode(view);
        return transport.PostJsonAsync<ViewResult>(method, token, body, cancellationToken);
    }

    private static JsonObject MessageBody(string channel, Message message)
    {
        var body = BlockKitJson.ToNode(message);
        body["channel"] = channel;
        return body;
    }

    private static JsonObject WithHash(JsonObject body, string? hash) => SetIfPresent(body, "hash", hash);

    private static JsonObject SetIfPresent(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body[name] = value;
        }

        return body;
    }
}
