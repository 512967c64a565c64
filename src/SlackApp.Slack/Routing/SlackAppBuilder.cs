using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Registers the app's listeners, guards and middleware, in the manner of Bolt's <c>App</c>: the first listener
/// matching a request runs, after every middleware in registration order and then its own guards.
/// </summary>
public sealed class SlackAppBuilder
{
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    private readonly List<SlackListener> _listeners = [];
    private readonly List<Func<SlackContext, Func<Task>, Task>> _middleware = [];
    private readonly List<Type> _guards = [];
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
        Use((context, next) => Resolve<TMiddleware>(context.Services).InvokeAsync(context, next));

    /// <summary>
    /// Declares <typeparamref name="TGuard"/> on every listener <paramref name="listeners"/> registers: it runs
    /// before each of them (after any guard declared around it) and decides whether the listener runs.
    /// </summary>
    public SlackAppBuilder Require<TGuard>(Action<SlackAppBuilder> listeners)
        where TGuard : ISlackGuard
    {
        ArgumentNullException.ThrowIfNull(listeners);
        _guards.Add(typeof(TGuard));
        try
        {
            listeners(this);
        }
        finally
        {
            _guards.RemoveAt(_guards.Count - 1);
        }

        return this;
    }

    /// <summary>Sets the one error handler, called (after logging) when middleware or a listener throws.</summary>
    public SlackAppBuilder Error(Func<Exception, SlackContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _errorHandler = handler;
        return this;
    }

    /// <summary>Listens to a slash command, e.g. <c>/usergems</c>, optionally only for some texts typed after it.</summary>
    public SlackAppBuilder Command(CommandConstraints command, Func<SlackCommandRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Add(
            $"command {command}",
            payload => payload is SlashCommand slash && command.Matches(slash.Command, slash.Text),
            (payload, context, ack) => new SlackCommandRequest((SlashCommand)payload, context, ack),
            handler);
    }

    /// <summary>Listens to <c>block_actions</c> meeting <paramref name="action"/> (an action_id, or constraints).</summary>
    public SlackAppBuilder Action(ActionConstraints action, Func<SlackActionRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(action);
        BlockAction? MatchingAction(SlackPayload payload) =>
            payload is BlockActionsPayload actions ? actions.Actions.FirstOrDefault(action.Matches) : null;

        return Add(
            $"action {action}",
            payload => MatchingAction(payload) is not null,
            (payload, context, ack) => new SlackActionRequest((BlockActionsPayload)payload, MatchingAction(payload)!, context, ack),
            handler);
    }

    /// <summary>Listens to the submission of modals whose callback_id matches <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder View(ListenerId callbackId, Func<SlackViewSubmissionRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(callbackId);
        return Add(
            $"view_submission {callbackId}",
            payload => payload is ViewSubmissionPayload submission && callbackId.Matches(submission.View.CallbackId),
            (payload, context, ack) => new SlackViewSubmissionRequest((ViewSubmissionPayload)payload, context, ack),
            handler);
    }

    /// <summary>Listens to the dismissal of modals whose callback_id matches <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder ViewClosed(ListenerId callbackId, Func<SlackViewClosedRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(callbackId);
        return Add(
            $"view_closed {callbackId}",
            payload => payload is ViewClosedPayload closed && callbackId.Matches(closed.View.CallbackId),
            (payload, context, ack) => new SlackViewClosedRequest((ViewClosedPayload)payload, context, ack),
            handler);
    }

    /// <summary>Listens to Events API events whose type matches <paramref name="eventType"/>, e.g. <c>app_home_opened</c>.</summary>
    public SlackAppBuilder Event(ListenerId eventType, Func<SlackEventRequest, CancellationToken, Task> handler) =>
        Event(eventType, static _ => true, handler);

    /// <summary>
    /// Listens to Events API events of <paramref name="eventType"/> that <paramref name="when"/> also accepts, e.g.
    /// <c>app_home_opened</c> on the Messages tab only; an event it refuses goes on to the next listener.
    /// </summary>
    public SlackAppBuilder Event(ListenerId eventType, Func<SlackEvent, bool> when, Func<SlackEventRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(when);
        return Add(
            $"event {eventType}",
            payload => payload is EventCallbackPayload envelope && eventType.Matches(envelope.Event.Type) && when(envelope.Event),
            (payload, context, ack) => new SlackEventRequest((EventCallbackPayload)payload, context, ack),
            handler);
    }

    /// <summary>Answers <c>block_suggestion</c> requests whose action_id matches <paramref name="actionId"/>.</summary>
    public SlackAppBuilder Options(ListenerId actionId, Func<SlackOptionsRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        return Add(
            $"options {actionId}",
            payload => payload is BlockSuggestionPayload suggestion && actionId.Matches(suggestion.ActionId),
            (payload, context, ack) => new SlackOptionsRequest((BlockSuggestionPayload)payload, context, ack),
            handler);
    }

    /// <summary>Listens to global and message shortcuts whose callback_id matches <paramref name="callbackId"/>.</summary>
    public SlackAppBuilder Shortcut(ListenerId callbackId, Func<SlackShortcutRequest, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(callbackId);
        return Add(
            $"shortcut {callbackId}",
            payload => payload is ShortcutPayload shortcut && callbackId.Matches(shortcut.CallbackId),
            (payload, context, ack) => new SlackShortcutRequest((ShortcutPayload)payload, context, ack),
            handler);
    }

    /// <summary>Listens to a slash command with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Command<THandler>(CommandConstraints command)
        where THandler : ISlackHandler<SlackCommandRequest> =>
        Command(command, Handle<THandler, SlackCommandRequest>);

    /// <summary>Listens to <c>block_actions</c> with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Action<THandler>(ActionConstraints action)
        where THandler : ISlackHandler<SlackActionRequest> =>
        Action(action, Handle<THandler, SlackActionRequest>);

    /// <summary>Listens to a modal submission with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder View<THandler>(ListenerId callbackId)
        where THandler : ISlackHandler<SlackViewSubmissionRequest> =>
        View(callbackId, Handle<THandler, SlackViewSubmissionRequest>);

    /// <summary>Listens to a modal dismissal with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder ViewClosed<THandler>(ListenerId callbackId)
        where THandler : ISlackHandler<SlackViewClosedRequest> =>
        ViewClosed(callbackId, Handle<THandler, SlackViewClosedRequest>);

    /// <summary>Listens to an event type with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Event<THandler>(ListenerId eventType)
        where THandler : ISlackHandler<SlackEventRequest> =>
        Event(eventType, Handle<THandler, SlackEventRequest>);

    /// <summary>Listens to the events of a type that <paramref name="when"/> accepts, with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Event<THandler>(ListenerId eventType, Func<SlackEvent, bool> when)
        where THandler : ISlackHandler<SlackEventRequest> =>
        Event(eventType, when, Handle<THandler, SlackEventRequest>);

    /// <summary>Answers options requests with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Options<THandler>(ListenerId actionId)
        where THandler : ISlackHandler<SlackOptionsRequest> =>
        Options(actionId, Handle<THandler, SlackOptionsRequest>);

    /// <summary>Listens to a shortcut with a handler class resolved from the request's services.</summary>
    public SlackAppBuilder Shortcut<THandler>(ListenerId callbackId)
        where THandler : ISlackHandler<SlackShortcutRequest> =>
        Shortcut(callbackId, Handle<THandler, SlackShortcutRequest>);

    internal SlackListenerRegistry Build() => new([.. _listeners], [.. _middleware], _errorHandler);

    private SlackAppBuilder Add<TRequest>(
        string description,
        Func<SlackPayload, bool> matches,
        Func<SlackPayload, SlackContext, SlackAcknowledgement, TRequest> createRequest,
        Func<TRequest, CancellationToken, Task> handler)
        where TRequest : SlackRequest
    {
        ArgumentNullException.ThrowIfNull(handler);
        Type[] guards = [.. _guards];
        _listeners.Add(new SlackListener(
            description,
            matches,
            (payload, context, ack, ct) => RunGuardedAsync(guards, 0, createRequest(payload, context, ack), handler, ct)));
        return this;
    }

    // Each guard decides whether the next one (and finally the listener) runs.
    private static Task RunGuardedAsync<TRequest>(Type[] guards, int index, TRequest request, Func<TRequest, CancellationToken, Task> handler, CancellationToken cancellationToken)
        where TRequest : SlackRequest
    {
        if (index == guards.Length)
        {
            return handler(request, cancellationToken);
        }

        var guard = (ISlackGuard)Resolve(request.Context.Services, guards[index]);
        return guard.InvokeAsync(request, () => RunGuardedAsync(guards, index + 1, request, handler, cancellationToken), cancellationToken);
    }

    private static Task Handle<THandler, TRequest>(TRequest request, CancellationToken cancellationToken)
        where THandler : ISlackHandler<TRequest>
        where TRequest : SlackRequest =>
        Resolve<THandler>(request.Context.Services).HandleAsync(request, cancellationToken);

    private static T Resolve<T>(IServiceProvider services) => (T)Resolve(services, typeof(T));

    // A registered service, else a new instance with constructor injection; the constructor is looked up once per
    // type (ActivatorUtilities.GetServiceOrCreateInstance reflects over it on every request).
    private static object Resolve(IServiceProvider services, Type type) =>
        services.GetService(type) ?? Factories.GetOrAdd(type, t => ActivatorUtilities.CreateFactory(t, Type.EmptyTypes))(services, null);
}
