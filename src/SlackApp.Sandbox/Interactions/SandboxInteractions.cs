using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.WebApi;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// What a person does on the sandbox page, turned into the requests Slack would send the app (slash commands,
/// <c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, <c>app_home_opened</c>) and the app's answers
/// applied as Slack would apply them.
/// </summary>
internal sealed class SandboxInteractions(
    SandboxWorkspace workspace,
    SandboxAppClient app,
    SandboxReplies replies,
    SandboxAddress address,
    SandboxSecrets secrets,
    IOptions<SandboxOptions> options)
{
    public const string RequiredFieldError = "Please complete this required field.";

    /// <summary>Composer text: <c>/usergems workflow create</c> sends the slash command; anything else is a message.</summary>
    public async Task<SandboxOutcome> ComposeAsync(SandboxComposerInput input, CancellationToken cancellationToken)
    {
        if (Visible(input.As, input.Channel) is not { } channel)
        {
            return SandboxOutcome.Failed("channel_not_found");
        }

        var typed = input.Text.Trim();
        if (typed.Length == 0)
        {
            return SandboxOutcome.Failed("no_text");
        }

        if (!typed.StartsWith('/'))
        {
            if (channel.IsArchived)
            {
                return SandboxOutcome.Failed("is_archived");
            }

            workspace.Post(channel.Id, input.As, typed, blocks: null);
            return SandboxOutcome.Done;
        }

        var space = typed.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? typed : typed[..space];
        var text = space < 0 ? string.Empty : typed[(space + 1)..].Trim();
        if (!options.Value.Commands.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            return SandboxOutcome.Failed($"{command} is not a valid command. In Slack, all messages that start with the \"/\" character are interpreted as commands.");
        }

        var user = workspace.Member(input.As)!;
        var grant = workspace.IssueResponseUrl(user.Id, channel.Id, messageTs: null);
        var answer = await app.SendCommandAsync(
            [
                new("token", secrets.VerificationToken),
                new("team_id", workspace.TeamId),
                new("team_domain", SandboxIdentity.TeamDomain),
                new("channel_id", channel.Id),
                new("channel_name", channel.IsDirectMessage ? "directmessage" : channel.Name!),
                new("user_id", user.Id),
                new("user_name", user.Name),
                new("command", command.ToLowerInvariant()),
                new("text", text),
                new("api_app_id", SandboxIdentity.AppId),
                new("is_enterprise_install", "false"),
                new("response_url", ResponseUrl(grant)),
                new("trigger_id", workspace.IssueTrigger(user.Id, channel.Id)),
            ],
            cancellationToken);
        if (Refused("slash command", answer) is { } refused)
        {
            return refused;
        }

        if (answer.Json is { } reply && (reply.ContainsKey("text") || reply.ContainsKey("blocks")))
        {
            if (reply["response_type"]?.GetValue<string>() == "in_channel")
            {
                // An in-channel answer shows the command as typed above it, as Slack does.
                workspace.Post(channel.Id, user.Id, typed, blocks: null);
            }

            if (replies.Apply(grant, reply, "the slash command's acknowledgement") is { } error)
            {
                return SandboxOutcome.Failed(error);
            }
        }

        return SandboxOutcome.Done;
    }

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
        var payload = Envelope("block_actions", user);
        var actionTs = ActionTs();
        if (input.Surface == "message")
        {
            var message = input.ChannelId is { } channelId && input.MessageTs is { } ts ? workspace.Message(channelId, ts) : null;
            if (message is null || (message.VisibleTo is { } only && only != user.Id) || Visible(user.Id, message.ChannelId) is not { } channel)
            {
                return SandboxOutcome.Failed("message_not_found");
            }

            if (SandboxElements.Find(message.Blocks, input.BlockId, input.ActionId) is not { } element)
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

            payload["state"] = new JsonObject { ["values"] = SandboxElements.StateValues(message.Blocks, choices) };
            payload["response_url"] = ResponseUrl(workspace.IssueResponseUrl(user.Id, channel.Id, message.Ts));
            payload["actions"] = new JsonArray(SandboxElements.Action(element, input.BlockId, picked, actionTs));
        }
        else
        {
            var view = workspace.View(input.ViewId);
            if (view is null || view.UserId != user.Id)
            {
                return SandboxOutcome.Failed("view_not_found");
            }

            var blocks = view.Definition["blocks"] as JsonArray;
            if (SandboxElements.Find(blocks, input.BlockId, input.ActionId) is not { } element)
            {
                return SandboxOutcome.Failed("action_not_found");
            }

            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = view.Id };
            payload["trigger_id"] = workspace.IssueTrigger(user.Id, view.ChannelId, view.Id);
            payload["view"] = view.ToPayload(workspace.TeamId, SandboxElements.StateValues(blocks, choices));
            payload["actions"] = new JsonArray(SandboxElements.Action(element, input.BlockId, picked, actionTs));
        }

        return Refused("block_actions", await app.SendInteractionAsync(payload, cancellationToken)) ?? SandboxOutcome.Done;
    }

    /// <summary>
    /// Submit: required inputs left empty are refused here, as Slack's client does, without asking the app; otherwise
    /// <c>view_submission</c>, and the app's <c>response_action</c> (errors, update, push, clear, or close) is honoured.
    /// </summary>
    public async Task<SandboxOutcome> SubmitAsync(SandboxSubmitInput input, CancellationToken cancellationToken)
    {
        var user = workspace.Member(input.As);
        var stack = user is null ? [] : workspace.ModalStack(user.Id);
        if (user is null || stack.Count == 0 || stack[^1].Id != input.ViewId)
        {
            return SandboxOutcome.Failed("view_not_found");
        }

        var view = stack[^1];
        var blocks = view.Definition["blocks"] as JsonArray;
        var values = SandboxElements.StateValues(blocks, (input.Values ?? []).AsReadOnly());
        if (MissingRequired(blocks, values) is { Count: > 0 } missing)
        {
            workspace.SetErrors(view, missing);
            return SandboxOutcome.Failed("required_fields_missing");
        }

        var payload = Envelope("view_submission", user);
        payload["trigger_id"] = workspace.IssueTrigger(user.Id, view.ChannelId, view.Id);
        payload["view"] = view.ToPayload(workspace.TeamId, values);
        payload["response_urls"] = new JsonArray();
        var answer = await app.SendInteractionAsync(payload, cancellationToken);
        if (Refused("view_submission", answer) is { } refused)
        {
            return refused;
        }

        return ApplyResponseAction(user.Id, view, answer.Json);
    }

    /// <summary>Close: <c>view_closed</c> when the modal asked for it; the top modal (or, with clear_on_close, all) closes.</summary>
    public async Task<SandboxOutcome> CloseAsync(SandboxCloseInput input, CancellationToken cancellationToken)
    {
        var user = workspace.Member(input.As);
        var stack = user is null ? [] : workspace.ModalStack(user.Id);
        if (user is null || stack.Count == 0 || stack[^1].Id != input.ViewId)
        {
            return SandboxOutcome.Failed("view_not_found");
        }

        var view = stack[^1];
        var clearAll = view.Definition["clear_on_close"] is JsonValue clear && clear.TryGetValue<bool>(out var c) && c;
        if (clearAll)
        {
            workspace.ClearModals(user.Id);
        }
        else
        {
            workspace.PopModal(user.Id);
        }

        if (view.Definition["notify_on_close"] is JsonValue notify && notify.TryGetValue<bool>(out var n) && n)
        {
            var payload = Envelope("view_closed", user);
            payload["view"] = view.ToPayload(workspace.TeamId);
            payload["is_cleared"] = clearAll;
            return Refused("view_closed", await app.SendInteractionAsync(payload, cancellationToken)) ?? SandboxOutcome.Done;
        }

        return SandboxOutcome.Done;
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
            ["event_ts"] = ActionTs(),
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
        return Refused("app_home_opened", await app.SendEventAsync(envelope, cancellationToken)) ?? SandboxOutcome.Done;
    }

    private SandboxOutcome ApplyResponseAction(string userId, SandboxView view, JsonObject? answer)
    {
        var action = answer?["response_action"]?.GetValue<string>();
        switch (action)
        {
            case null:
                workspace.PopModal(userId);
                return SandboxOutcome.Done;
            case "clear":
                workspace.ClearModals(userId);
                return SandboxOutcome.Done;
            case "errors":
                var errors = (answer!["errors"] as JsonObject ?? [])
                    .Where(e => e.Value is JsonValue)
                    .ToDictionary(e => e.Key, e => e.Value!.ToString(), StringComparer.Ordinal);
                var blockIds = (view.Definition["blocks"] as JsonArray)?.OfType<JsonObject>().Select(b => b["block_id"]?.ToString()).ToHashSet() ?? [];
                if (errors.Keys.FirstOrDefault(k => !blockIds.Contains(k)) is { } unknown)
                {
                    // Slack refuses errors naming a block that is not an input of the view; the modal stays as it was.
                    workspace.Notice("view_submission: response_action errors named an unknown block", [$"[ERROR] no block with block_id '{unknown}' [json-pointer:/errors/{unknown}]"]);
                    return SandboxOutcome.Failed("invalid_errors");
                }

                workspace.SetErrors(view, errors);
                return SandboxOutcome.Failed("errors");
            case "update" or "push":
                var next = answer!["view"];
                if (SandboxBlockKit.CheckView(next) is { Count: > 0 } reasons)
                {
                    workspace.Notice($"view_submission: response_action {action} carried an invalid view", reasons);
                    return SandboxOutcome.Failed("invalid_arguments");
                }

                var definition = SandboxBlockKit.WithIds((JsonObject)next!);
                if (action == "update")
                {
                    workspace.UpdateView(view, definition);
                }
                else if (workspace.PushModal(userId, definition) is null)
                {
                    return SandboxOutcome.Failed("push_limit_reached");
                }

                return SandboxOutcome.Done;
            default:
                workspace.Notice("view_submission: unknown response_action", [$"[ERROR] '{action}' is not a response_action [json-pointer:/response_action]"]);
                return SandboxOutcome.Failed("invalid_response_action");
        }
    }

    private static Dictionary<string, string> MissingRequired(JsonArray? blocks, JsonObject values)
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in blocks?.OfType<JsonObject>() ?? [])
        {
            if (block["type"]?.GetValue<string>() != "input" || (block["optional"] is JsonValue optional && optional.TryGetValue<bool>(out var o) && o))
            {
                continue;
            }

            var blockId = block["block_id"]?.GetValue<string>() ?? string.Empty;
            var state = (values[blockId] as JsonObject)?.FirstOrDefault().Value as JsonObject;
            var filled = state?.Where(p => p.Key != "type").Any(p => p.Value switch
            {
                null => false,
                JsonArray array => array.Count > 0,
                JsonValue value when value.TryGetValue<string>(out var text) => !string.IsNullOrWhiteSpace(text),
                _ => true,
            }) ?? false;
            if (!filled)
            {
                missing[blockId] = RequiredFieldError;
            }
        }

        return missing;
    }

    private SandboxOutcome? Refused(string what, SandboxAppAnswer answer)
    {
        if (answer.IsSuccess)
        {
            return null;
        }

        var reason = answer.Status == 0 ? answer.Body : $"HTTP {answer.Status}: {Shorten(answer.Body)}";
        workspace.Notice($"The app refused the {what}", [reason]);
        return SandboxOutcome.Failed(answer.Status == 0 ? "dispatch_failed" : $"http_{answer.Status}");
    }

    private JsonObject Envelope(string type, SandboxMember user) => new()
    {
        ["type"] = type,
        ["team"] = new JsonObject { ["id"] = workspace.TeamId, ["domain"] = SandboxIdentity.TeamDomain },
        ["user"] = new JsonObject { ["id"] = user.Id, ["username"] = user.Name, ["name"] = user.Name, ["team_id"] = workspace.TeamId },
        ["api_app_id"] = SandboxIdentity.AppId,
        ["token"] = secrets.VerificationToken,
        ["enterprise"] = null,
        ["is_enterprise_install"] = false,
    };

    private SandboxChannel? Visible(string? userId, string? channelId)
    {
        var channel = workspace.Channel(channelId);
        if (channel is null || workspace.Member(userId) is not { IsBot: false } user)
        {
            return null;
        }

        var visible = channel.IsDirectMessage ? channel.DirectMessageUser == user.Id : !channel.IsPrivate || channel.Members.Contains(user.Id);
        return visible ? channel : null;
    }

    private string ResponseUrl(SandboxResponseUrl grant) => $"{address.Require()}/sandbox/response/{grant.Id}";

    private string ActionTs() => (workspace.Now.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
