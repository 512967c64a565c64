using System.Text.Json.Nodes;
using SlackApp.Sandbox.WebApi;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// A modal's Submit and Close, as Slack handles them: required inputs checked by the client, <c>view_submission</c>
/// and its <c>response_action</c>, <c>view_closed</c> when the modal asked for it.
/// </summary>
internal sealed class SandboxModals(SandboxWorkspace workspace, SandboxAppClient app, SandboxPayloads payloads)
{
    public const string RequiredFieldError = "Please complete this required field.";

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

        var payload = payloads.Envelope("view_submission", user);
        payload["trigger_id"] = workspace.IssueTrigger(user.Id, view.ChannelId, view.Id);
        payload["view"] = view.ToPayload(workspace.TeamId, values);
        payload["response_urls"] = new JsonArray();
        var answer = await app.SendInteractionAsync(payload, cancellationToken);
        if (payloads.Refused("view_submission", answer) is { } refused)
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
            var payload = payloads.Envelope("view_closed", user);
            payload["view"] = view.ToPayload(workspace.TeamId);
            payload["is_cleared"] = clearAll;
            return payloads.Refused("view_closed", await app.SendInteractionAsync(payload, cancellationToken)) ?? SandboxOutcome.Done;
        }

        return SandboxOutcome.Done;
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
}
