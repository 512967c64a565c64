using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// Clicks and choices on messages, the Home tab and modals, sent to the app as <c>block_actions</c>; and opening the
/// app's tabs, sent as the <c>app_home_opened</c> event.
/// </summary>
internal sealed class SandboxInteractions(SandboxWorkspace workspace, SandboxAppClient app, SandboxPayloads payloads, SandboxSecrets secrets)
{
    /// <summary>A click or choice: sent as <c>block_actions</c> with the container, state, trigger_id (and response_url for messages) Slack gives.</summary>
    public async Task<SandboxOutcome> ActAsync(SandboxActionInput input, CancellationToken cancellationToken)
    {
        var user = workspace.Member(input.As);
        if (user is null || user.IsBot)
        {
            return SandboxOutcome.Failed("user_not_found");
        }

        var choices = (input.Values ?? []).AsReadOnly();
        var picked = input.Selected ?? [];
        var payload = payloads.Envelope("block_actions", user);
        var actionTs = payloads.ActionTs();
        if (input.Surface == "message")
        {
            var message = input.ChannelId is { } channelId && input.MessageTs is { } ts ? workspace.Message(channelId, ts) : null;
            // Someone else's DM (or ephemeral message) does not exist for this person, as in Slack.
            if (message is null || (message.VisibleTo is { } only && only != user.Id) || payloads.Visible(user.Id, message.ChannelId) is not { } channel)
            {
                return SandboxOutcome.Failed("message_not_found");
            }

            var seen = workspace.BlocksSeen(message, input.MessageRevision);
            if (SandboxElements.Find(seen, input.BlockId, input.ActionId) is not { } element)
            {
                return SandboxOutcome.Failed("action_not_found");
            }

            payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = channel.Id, ["is_ephemeral"] = message.IsEphemeral };
            payload["trigger_id"] = workspace.IssueTrigger(user.Id, channel.Id);
            payload["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = channel.IsDirectMessage ? "directmessage" : channel.Name };
            if (!message.IsEphemeral)
            {
                payload["message"] = message.ToJson(workspace.TeamId);
            }

            payload["state"] = new JsonObject { ["values"] = SandboxElements.StateValues(seen, choices) };
            payload["response_url"] = payloads.ResponseUrl(workspace.IssueResponseUrl(user.Id, channel.Id, message.Ts));
            payload["actions"] = new JsonArray(SandboxElements.Action(element, input.BlockId, picked, actionTs));
        }
        else
        {
            var view = workspace.View(input.ViewId);
            if (view is null || view.UserId != user.Id)
            {
                return SandboxOutcome.Failed("view_not_found");
            }

            var blocks = workspace.BlocksSeen(view, input.ViewHash);
            if (SandboxElements.Find(blocks, input.BlockId, input.ActionId) is not { } element)
            {
                return SandboxOutcome.Failed("action_not_found");
            }

            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = view.Id };
            payload["trigger_id"] = workspace.IssueTrigger(user.Id, view.ChannelId, view.Id);
            payload["view"] = view.ToPayload(workspace.TeamId, SandboxElements.StateValues(blocks, choices));
            payload["actions"] = new JsonArray(SandboxElements.Action(element, input.BlockId, picked, actionTs));
        }

        return payloads.Refused("block_actions", await app.SendInteractionAsync(payload, cancellationToken)) ?? SandboxOutcome.Done;
    }

    /// <summary>Opening the app's Home (or Messages) tab: the <c>app_home_opened</c> event.</summary>
    public async Task<SandboxOutcome> OpenAppAsync(SandboxOpenAppInput input, CancellationToken cancellationToken)
    {
        var user = workspace.Member(input.As);
        if (user is null || user.IsBot)
        {
            return SandboxOutcome.Failed("user_not_found");
        }

        var tab = input.Tab == "messages" ? "messages" : "home";
        var now = workspace.Now;
        var @event = new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = user.Id,
            ["channel"] = workspace.DirectMessage(user.Id).Id,
            ["tab"] = tab,
            ["event_ts"] = payloads.ActionTs(),
        };
        if (tab == "home" && workspace.Home(user.Id) is { } home)
        {
            @event["view"] = home.ToPayload(workspace.TeamId);
        }

        var envelope = new JsonObject
        {
            ["token"] = secrets.VerificationToken,
            ["team_id"] = workspace.TeamId,
            ["api_app_id"] = SandboxIdentity.AppId,
            ["event"] = @event,
            ["type"] = "event_callback",
            ["event_id"] = "Ev0" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5)),
            ["event_time"] = now.ToUnixTimeSeconds(),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null,
                ["team_id"] = workspace.TeamId,
                ["user_id"] = SandboxIdentity.BotUserId,
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
        };
        return payloads.Refused("app_home_opened", await app.SendEventAsync(envelope, cancellationToken)) ?? SandboxOutcome.Done;
    }
}
