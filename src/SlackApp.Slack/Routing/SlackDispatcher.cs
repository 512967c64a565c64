using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Telemetry;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Runs one payload through the pipeline: builds its context (finding the installation), runs the middleware in
/// order, then the first matching listener; answers Slack if the listener did not, and turns failures into logs,
/// the error handler and, where Slack allows, an apology to the user.
/// </summary>
internal sealed class SlackDispatcher
{
    private readonly SlackListenerRegistry _registry;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<SlackDispatcher> _logger;
    private readonly IOptionsMonitor<SlackOptions> _slackOptions;
    private readonly IOptions<SlackRoutingOptions> _routingOptions;

    public SlackDispatcher(
        SlackListenerRegistry registry,
        IServiceScopeFactory scopes,
        ILogger<SlackDispatcher> logger,
        IOptionsMonitor<SlackOptions> slackOptions,
        IOptions<SlackRoutingOptions> routingOptions)
    {
        _registry = registry;
        _scopes = scopes;
        _logger = logger;
        _slackOptions = slackOptions;
        _routingOptions = routingOptions;
    }

    public async Task DispatchAsync(SlackPayload payload, SlackAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var origin = SlackRequestOrigin.Of(payload);
        var kind = SlackRequestKind.Of(payload)?.Wire ?? "request";
        // One span per request around its listener: the Web API calls it makes are its children.
        using var activity = SlackTelemetry.Source.StartActivity("slack " + kind);
        activity?.SetTag("slack.request.kind", kind);
        activity?.SetTag("slack.team_id", origin.TeamId);
        using var logScope = _logger.BeginScope("Slack {SlackRequest} from team {TeamId}", kind, origin.TeamId);
        await using var scope = _scopes.CreateAsyncScope();
        var context = new SlackContext(
            payload,
            origin,
            scope.ServiceProvider,
            _logger,
            _slackOptions.CurrentValue.BotToken,
            cancellationToken);

        try
        {
            context.Installation = await FindInstallationAsync(context, cancellationToken);
            await RunAsync(context, acknowledgement, 0, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                _logger.LogWarning("Slack {Request} was cancelled by shutdown.", Describe(payload));
            }
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            await HandleFailureAsync(exception, context, acknowledgement, cancellationToken);
        }
        finally
        {
            // A listener that returns without acking (or no listener at all) still answers Slack: empty 200.
            acknowledgement.TryAnswer(SlackAckBody.Empty);
        }
    }

    internal static string Describe(SlackPayload payload) => payload switch
    {
        SlashCommand command => $"command {command.Command}",
        BlockActionsPayload { Actions: [var action, ..] } => $"block_actions action_id '{action.ActionId}' block_id '{action.BlockId}'",
        BlockActionsPayload => "block_actions without actions",
        ViewSubmissionPayload submission => $"view_submission callback_id '{submission.View.CallbackId}'",
        ViewClosedPayload closed => $"view_closed callback_id '{closed.View.CallbackId}'",
        BlockSuggestionPayload suggestion => $"block_suggestion action_id '{suggestion.ActionId}'",
        ShortcutPayload shortcut => $"{shortcut.Type} callback_id '{shortcut.CallbackId}'",
        EventCallbackPayload envelope => $"event {envelope.Event.Type} ({envelope.EventId})",
        _ => payload.GetType().Name,
    };

    private static async Task<Installation?> FindInstallationAsync(SlackContext context, CancellationToken cancellationToken)
    {
        if (context.TeamId is null && context.EnterpriseId is null)
        {
            return null;
        }

        var store = context.Services.GetService<IInstallationStore>();
        return store is null
            ? null
            : await store.FindAsync(context.EnterpriseId, context.TeamId, context.IsEnterpriseInstall, cancellationToken);
    }

    private Task RunAsync(SlackContext context, SlackAcknowledgement acknowledgement, int index, CancellationToken cancellationToken)
    {
        if (index < _registry.Middleware.Count)
        {
            return _registry.Middleware[index](context, () => RunAsync(context, acknowledgement, index + 1, cancellationToken));
        }

        var listener = _registry.Find(context.Payload);
        if (listener is null)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("No listener for Slack {Request}; acknowledged with an empty 200.", Describe(context.Payload));
            }

            return Task.CompletedTask;
        }

        return listener.InvokeAsync(context.Payload, context, acknowledgement, cancellationToken);
    }

    private async Task HandleFailureAsync(Exception exception, SlackContext context, SlackAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Error))
        {
            _logger.LogError(exception, "Slack listener for {Request} failed.", Describe(context.Payload));
        }

        if (!acknowledgement.IsAcknowledged)
        {
            await ApologiseAsync(context, acknowledgement, cancellationToken);
        }

        if (_registry.ErrorHandler is { } errorHandler)
        {
            try
            {
                await errorHandler(exception, context, cancellationToken);
            }
            catch (Exception handlerException)
            {
                _logger.LogError(handlerException, "The Slack error handler itself failed.");
            }
        }
    }

    /// <summary>The modal a failed submission is replaced with, so the user sees the apology instead of a vanished form.</summary>
    internal static ModalView ApologyModal(string errorMessage) => new(new PlainText("Something went wrong"))
    {
        Close = new PlainText("Close"),
        Blocks = [new SectionBlock { Text = new PlainText(errorMessage) }],
    };

    private async Task ApologiseAsync(SlackContext context, SlackAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var apology = new Message(_routingOptions.Value.ErrorMessage);

        // A slash command still waiting for its answer gets the apology in the ack itself.
        if (context.Payload is SlashCommand && acknowledgement.TryAnswer(SlackAckBody.Message(apology, ResponseType.Ephemeral)))
        {
            return;
        }

        // An empty answer would close the modal silently, losing the user's input: show the apology in it instead.
        if (context.Payload is ViewSubmissionPayload && acknowledgement.TryAnswer(SlackAckBody.ViewUpdate(ApologyModal(apology.Text))))
        {
            return;
        }

        acknowledgement.TryAnswer(SlackAckBody.Empty);
        if (context.Payload is SlashCommand or BlockActionsPayload && context.ResponseUrl is not null)
        {
            try
            {
                await context.RespondAsync(ResponseUrlMessage.Ephemeral(apology), cancellationToken);
            }
            catch (Exception respondException)
            {
                _logger.LogWarning(respondException, "Could not post the error apology to the response_url.");
            }
        }
    }
}
