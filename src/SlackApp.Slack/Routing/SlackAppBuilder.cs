using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Registers the app's listeners and middleware, in the manner of Bolt's <c>App</c>: the first listener matching a
/// request runs, after every middleware in registration order.
/// </summary>
public sealed class SlackAppBuilder
{
    private readonly List<SlackListener> _listeners = [];
    private readonly List<Func<SlackContext, Func<Task>, Task>> _middleware = [];
    private Func<Exception, SlackContext, CancellationToken, Task>? _errorHandler;

    /// <summary>Adds a middleware; it must call <c>next</c> for later middleware and the listener to run.</summary>
    public SlackAppBuilder Use(Func<SlackContext, Func<Task>, Task> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Adds a middleware class, resolved from the request's services (or created with them).</summary>
    public SlackAppBuilder Use<TMiddleware>()
        where TMiddleware : ISlackMiddleware =>
        Use((context, next) => Resolve<TMiddleware>(context).InvokeAsync(context, next));

    /// <summary>Sets the one error handler, called (after logging) when middleware or a listener throws.</summary>
    public SlackAppBuilder Error(Func<Exception, SlackContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _errorHandler = handler;
        return this;
    }

    /// <summary>Listens to a slash command, e.g. <c>/usergems</c>.</summary>
    public SlackAppBuilder Command(string command, Func<SlackCommandRequest, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(
            $"command {command}",
            payload => payload is SlashCommand slash && string.Equals(slash.Command, command, StringComparison.OrdinalIgnoreCase),
            (payload, context, ack, ct) => handler(new SlackCommandRequest((SlashCommand)payload, context, ack), ct));
    }

    /// <summary>Listens to <c>block_actions</c> whose action_id is <paramref name="actionId"/>.</summary>
    public SlackAppBuilder Action(string actionId, Func<SlackActionRequest, CancellationToken, Task> handler) =>
        Action(IdConstraint.Exact(actionId), null, handler);

    /// <summary>Listens to <c>block_actions</c> with this action_id in the block <paramref name="blockId"/>.</summary>
    public SlackAppBuilder Action(string actionId, string blockId, Func<SlackActionRequest, CancellationToken, Task> handler) =>
        Action(IdConstraint.Exact(actionId), IdConstraint.Exact(blockId), handler);

    /// <summary>Listens to <c>block_actions</c> whose action_id matches <paramref name="actionId"/>.</summary>
    public SlackAppBuilder Action(Regex actionId, Func<SlackActionRequest, CancellationToken, Task> handler) =>
        Action(IdConstraint.Pattern(actionId), null, handler);

    /// <summary>Listens to <c>block_actions</c> whose action_id matches <paramref name="actionId"/>, in the block <paramref name="blockId"/>.</summary>
    public SlackAppBuilder Action(Regex actionId, string blockId, Func<SlackActionRequest, CancellationToken, Task> handler) =>
        Action(IdConstraint.Pattern(actionId), IdConstraint.Exact(blockId), handler);

    /// <summary>Listens to the submission of modals whose callback_id is <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder View(string callbackId, Func<SlackViewSubmissionRequest, CancellationToken, Task> handler) =>
        View(IdConstraint.Exact(callbackId), handler);

    /// <summary>Listens to the submission of modals whose callback_id matches <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder View(Regex callbackId, Func<SlackViewSubmissionRequest, CancellationToken, Task> handler) =>
        View(IdConstraint.Pattern(callbackId), handler);

    /// <summary>Listens to the dismissal of modals whose callback_id is <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder ViewClosed(string callbackId, Func<SlackViewClosedRequest, CancellationToken, Task> handler) =>
        ViewClosed(IdConstraint.Exact(callbackId), handler);

    /// <summary>Listens to the dismissal of modals whose callback_id matches <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder ViewClosed(Regex callbackId, Func<SlackViewClosedRequest, CancellationToken, Task> handler) =>
        ViewClosed(IdConstraint.Pattern(callbackId), handler);

    /// <summary>Listens to Events API events of <paramref name="eventType"/>, e.g. <c>app_home_opened</c>.</summary>
    public SlackAppBuilder Event(string eventType, Func<SlackEventRequest, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(
            $"event {eventType}",
            payload => payload is EventCallbackPayload envelope && envelope.Event.Type == eventType,
            (payload, context, ack, ct) => handler(new SlackEventRequest((EventCallbackPayload)payload, context, ack), ct));
    }

    /// <summary>Answers <c>block_suggestion</c> requests of the external_select whose action_id is <paramref name="actionId"/>.</summary>
    public SlackAppBuilder Options(string actionId, Func<SlackOptionsRequest, CancellationToken, Task> handler) =>
        Options(IdConstraint.Exact(actionId), handler);

    /// <summary>Answers <c>block_suggestion</c> requests whose action_id matches <paramref name="actionId"/>.</summary>
    public SlackAppBuilder Options(Regex actionId, Func<SlackOptionsRequest, CancellationToken, Task> handler) =>
        Options(IdConstraint.Pattern(actionId), handler);

    /// <summary>Listens to global and message shortcuts whose callback_id is <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder Shortcut(string callbackId, Func<SlackShortcutRequest, CancellationToken, Task> handler) =>
        Shortcut(IdConstraint.Exact(callbackId), handler);

    /// <summary>Listens to global and message shortcuts whose callback_id matches <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder Shortcut(Regex callbackId, Func<SlackShortcutRequest, CancellationToken, Task> handler) =>
        Shortcut(IdConstraint.Pattern(callbackId), handler);

    /// <summary>Listens to a slash command with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Command<THandler>(string command)
        where THandler : ISlackHandler<SlackCommandRequest> =>
        Command(command, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    /// <summary>Listens to an action_id with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Action<THandler>(string actionId)
        where THandler : ISlackHandler<SlackActionRequest> =>
        Action(actionId, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    /// <summary>Listens to a modal submission with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder View<THandler>(string callbackId)
        where THandler : ISlackHandler<SlackViewSubmissionRequest> =>
        View(callbackId, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    /// <summary>Listens to a modal dismissal with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder ViewClosed<THandler>(string callbackId)
        where THandler : ISlackHandler<SlackViewClosedRequest> =>
        ViewClosed(callbackId, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    /// <summary>Listens to an event type with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Event<THandler>(string eventType)
        where THandler : ISlackHandler<SlackEventRequest> =>
        Event(eventType, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    /// <summary>Answers options requests with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Options<THandler>(string actionId)
        where THandler : ISlackHandler<SlackOptionsRequest> =>
        Options(actionId, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    /// <summary>Listens to a shortcut with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Shortcut<THandler>(string callbackId)
        where THandler : ISlackHandler<SlackShortcutRequest> =>
        Shortcut(callbackId, (request, ct) => Resolve<THandler>(request.Context).HandleAsync(request, ct));

    internal SlackListenerRegistry Build() => new([.. _listeners], [.. _middleware], _errorHandler);

    private SlackAppBuilder Action(IdConstraint actionId, IdConstraint? blockId, Func<SlackActionRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        BlockAction? MatchingAction(SlackPayload payload) =>
            payload is BlockActionsPayload actions
                ? actions.Actions.FirstOrDefault(action => actionId.Matches(action.ActionId) && (blockId is null || blockId.Matches(action.BlockId)))
                : null;

        return Add(
            blockId is null ? $"action {actionId}" : $"action {actionId} in block {blockId}",
            payload => MatchingAction(payload) is not null,
            (payload, context, ack, ct) => handler(new SlackActionRequest((BlockActionsPayload)payload, MatchingAction(payload)!, context, ack), ct));
    }

    private SlackAppBuilder View(IdConstraint callbackId, Func<SlackViewSubmissionRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(
            $"view_submission {callbackId}",
            payload => payload is ViewSubmissionPayload submission && callbackId.Matches(submission.View.CallbackId),
            (payload, context, ack, ct) => handler(new SlackViewSubmissionRequest((ViewSubmissionPayload)payload, context, ack), ct));
    }

    private SlackAppBuilder ViewClosed(IdConstraint callbackId, Func<SlackViewClosedRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(
            $"view_closed {callbackId}",
            payload => payload is ViewClosedPayload closed && callbackId.Matches(closed.View.CallbackId),
            (payload, context, ack, ct) => handler(new SlackViewClosedRequest((ViewClosedPayload)payload, context, ack), ct));
    }

    private SlackAppBuilder Options(IdConstraint actionId, Func<SlackOptionsRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(
            $"options {actionId}",
            payload => payload is BlockSuggestionPayload suggestion && actionId.Matches(suggestion.ActionId),
            (payload, context, ack, ct) => handler(new SlackOptionsRequest((BlockSuggestionPayload)payload, context, ack), ct));
    }

    private SlackAppBuilder Shortcut(IdConstraint callbackId, Func<SlackShortcutRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add(
            $"shortcut {callbackId}",
            payload => payload is ShortcutPayload shortcut && callbackId.Matches(shortcut.CallbackId),
            (payload, context, ack, ct) => handler(new SlackShortcutRequest((ShortcutPayload)payload, context, ack), ct));
    }

    private SlackAppBuilder Add(
        string description,
        Func<SlackPayload, bool> matches,
        Func<SlackPayload, SlackContext, SlackAcknowledgement, CancellationToken, Task> invoke)
    {
        _listeners.Add(new SlackListener(description, matches, invoke));
        return this;
    }

    private static T Resolve<T>(SlackContext context) => ActivatorUtilities.GetServiceOrCreateInstance<T>(context.Services);

    /// <summary>An id a listener accepts: one exact value or a pattern.</summary>
    private sealed record IdConstraint(string? Value, Regex? Regex)
    {
        public static IdConstraint Exact(string value)
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            return new(value, null);
        }

        public static IdConstraint Pattern(Regex regex)
        {
            ArgumentNullException.ThrowIfNull(regex);
            return new(null, regex);
        }

        public bool Matches(string? id) =>
            id is not null && (Regex is null ? string.Equals(Value, id, StringComparison.Ordinal) : Regex.IsMatch(id));

        public override string ToString() => Regex is null ? $"'{Value}'" : $"/{Regex}/";
    }
}
