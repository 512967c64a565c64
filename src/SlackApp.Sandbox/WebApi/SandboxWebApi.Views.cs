using System.Text.Json.Nodes;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.WebApi;

internal sealed partial class SandboxWebApi
{
    private JsonObject ViewsOpen(SandboxApiCall call)
    {
        if (CheckedView(call, "modal") is { Refusal: { } refusal })
        {
            return refusal;
        }

        var (outcome, trigger) = workspace.ExchangeTrigger(call.Text("trigger_id"));
        if (TriggerRefusal(outcome) is { } refused)
        {
            return refused;
        }

        var view = workspace.OpenModal(trigger!.UserId, SandboxBlockKit.WithIds((JsonObject)call.Json("view")!), trigger.ChannelId);
        return ViewAnswer(view);
    }

    private JsonObject ViewsPush(SandboxApiCall call)
    {
        if (CheckedView(call, "modal") is { Refusal: { } refusal })
        {
            return refusal;
        }

        var (outcome, trigger) = workspace.ExchangeTrigger(call.Text("trigger_id"));
        if (TriggerRefusal(outcome) is { } refused)
        {
            return refused;
        }

        if (workspace.ModalStack(trigger!.UserId).Count == 0)
        {
            // Pushing needs a modal to push onto: the trigger must come from an interaction inside one.
            return SandboxApiAnswer.Error("invalid_arguments", ["[ERROR] no open modal to push onto [json-pointer:/trigger_id]"]);
        }

        var view = workspace.PushModal(trigger.UserId, SandboxBlockKit.WithIds((JsonObject)call.Json("view")!));
        return view is null ? SandboxApiAnswer.Error("push_limit_reached") : ViewAnswer(view);
    }

    private JsonObject ViewsUpdate(SandboxApiCall call)
    {
        var viewId = call.Text("view_id");
        var externalId = call.Text("external_id");
        if (viewId is null && externalId is null)
        {
            return SandboxApiAnswer.Error("invalid_arguments", ["[ERROR] view_id or external_id is required [json-pointer:/view_id]"]);
        }

        var view = viewId is not null ? workspace.View(viewId) : workspace.ViewByExternalId(externalId);
        if (view is null)
        {
            return SandboxApiAnswer.Error("not_found");
        }

        if (CheckedView(call, view.Type) is { Refusal: { } refusal })
        {
            return refusal;
        }

        if (call.Text("hash") is { } hash && hash != view.Hash)
        {
            return SandboxApiAnswer.Error("hash_conflict");
        }

        workspace.UpdateView(view, SandboxBlockKit.WithIds((JsonObject)call.Json("view")!));
        return ViewAnswer(view);
    }

    private JsonObject ViewsPublish(SandboxApiCall call)
    {
        var user = workspace.Member(call.Text("user_id"));
        if (user is null || user.IsBot)
        {
            return SandboxApiAnswer.Error("user_not_found");
        }

        if (CheckedView(call, "home") is { Refusal: { } refusal })
        {
            return refusal;
        }

        if (call.Text("hash") is { } hash && workspace.Home(user.Id) is { } current && hash != current.Hash)
        {
            return SandboxApiAnswer.Error("hash_conflict");
        }

        var view = workspace.PublishHome(user.Id, SandboxBlockKit.WithIds((JsonObject)call.Json("view")!));
        return ViewAnswer(view);
    }

    /// <summary>
    /// The <c>view</c> argument, checked: its type, then Block Kit. Slack answers a view it cannot accept with
    /// <c>invalid_arguments</c> and a <c>[json-pointer:/view/...]</c> per reason.
    /// </summary>
    private (JsonObject? Refusal, bool Ok) CheckedView(SandboxApiCall call, string expectedType)
    {
        var view = call.Json("view");
        if (view is not JsonObject json)
        {
            return (SandboxApiAnswer.Error("invalid_arguments", ["[ERROR] missing required field: view [json-pointer:/view]"]), false);
        }

        if (json["type"]?.GetValue<string>() != expectedType)
        {
            return (SandboxApiAnswer.Error("invalid_arguments", [$"[ERROR] the view type must be {expectedType} here [json-pointer:/view/type]"]), false);
        }

        return SandboxBlockKit.CheckView(json) is { Count: > 0 } reasons
            ? (Refuse(call.Method, "invalid_arguments", reasons), false)
            : (null, true);
    }

    private static JsonObject? TriggerRefusal(TriggerExchange outcome) => outcome switch
    {
        TriggerExchange.Exchanged => null,
        TriggerExchange.Expired => SandboxApiAnswer.Error("expired_trigger_id"),
        TriggerExchange.AlreadyExchanged => SandboxApiAnswer.Error("exchanged_trigger_id"),
        _ => SandboxApiAnswer.Error("invalid_trigger_id"),
    };

    private JsonObject ViewAnswer(SandboxView view) => SandboxApiAnswer.Ok(new JsonObject { ["view"] = view.ToPayload(workspace.TeamId) });
}
