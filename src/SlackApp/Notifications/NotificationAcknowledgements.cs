using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Handles clicks on a notification. The button's value (a delivery id) is never trusted: the delivery must belong
/// to the request's workspace and have been sent as the very message clicked (channel and ts).
/// </summary>
public sealed class NotificationAcknowledgements(NotificationOutbox outbox, WorkspaceSettingsRepository settings, ILogger<NotificationAcknowledgements> logger)
{
    public const string NotFoundText = "This notification could not be found.";

    /// <summary>Records the first acknowledgement and shows it in the message; later clicks learn who came first.</summary>
    public async Task AcknowledgeAsync(SlackActionRequest request, CancellationToken ct)
    {
        var context = request.Context;
        if (context.TeamId is null || context.UserId is not { } userId)
        {
            return;
        }

        var workspace = context.Workspace();
        var (channel, ts) = MessageOf(request.Payload);
        var delivery = IdValue.Read(request.Action) is { } id ? await outbox.GetAsync(workspace, id, ct) : null;
        if (delivery is null || delivery.Status != DeliveryStatus.Sent || channel is null || delivery.SlackChannel != channel || delivery.SlackTs != ts)
        {
            logger.LogWarning("Refused an Acknowledge click in {Workspace} by {UserId}: its delivery does not match the message clicked", workspace, userId);
            await TellAsync(request, channel, userId, NotFoundText, ct);
            return;
        }

        if (!await outbox.TryAcknowledgeAsync(workspace, delivery.Id, userId, ct))
        {
            var first = (await outbox.GetAsync(workspace, delivery.Id, ct))?.AcknowledgedBy;
            await TellAsync(request, channel, userId, first is null ? "Already acknowledged." : $"Already acknowledged by <@{first}>.", ct);
            return;
        }

        var acknowledged = await outbox.GetAsync(workspace, delivery.Id, ct);
        var salesforce = (await settings.GetAsync(workspace, ct)).SalesforceBaseUrl;
        if (acknowledged?.ToContent(salesforce) is { } content)
        {
            try
            {
                await context.Client.ChatUpdateAsync(channel, ts!, NotificationComposer.Compose(content), ct);
            }
            catch (SlackApiException e)
            {
                // The acknowledgement is stored either way; only its display failed.
                logger.LogWarning("Could not update acknowledged notification {DeliveryId} of {Workspace}: {Error}", delivery.Id, workspace, e.Error);
            }
        }
    }

    /// <summary>Records a click on Open in Salesforce or View LinkedIn, when its delivery is the workspace's.</summary>
    public async Task RecordClickAsync(SlackActionRequest request, CancellationToken ct)
    {
        if (request.Context.TeamId is null || request.Context.UserId is not { } userId || IdValue.Read(request.Action) is not { } id)
        {
            return;
        }

        var workspace = request.Context.Workspace();
        if (await outbox.GetAsync(workspace, id, ct) is null)
        {
            logger.LogWarning("Ignored a {ActionId} click in {Workspace}: no such delivery", request.Action.ActionId, workspace);
            return;
        }

        await outbox.RecordClickAsync(workspace, id, request.Action.ActionId, userId, ct);
    }

    private static (string? Channel, string? Ts) MessageOf(BlockActionsPayload payload) =>
        (payload.Container?.ChannelId ?? payload.Channel?.Id, payload.Container?.MessageTs ?? payload.Message?.Ts);

    // Only the clicker sees it: through the response_url when Slack gave one, else chat.postEphemeral.
    private static async Task TellAsync(SlackActionRequest request, string? channel, string userId, string text, CancellationToken ct)
    {
        var message = new Message(text);
        if (request.Context.ResponseUrl is not null)
        {
            await request.Context.RespondAsync(ResponseUrlMessage.Ephemeral(message), ct);
        }
        else if (channel is not null)
        {
            await request.Context.Client.ChatPostEphemeralAsync(channel, userId, message, ct);
        }
    }
}
