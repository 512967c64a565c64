using System.Diagnostics.CodeAnalysis;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>
/// The delivery worker's step for one claimed outbox row, in two parts. <see cref="PrepareAsync"/> checks the workspace
/// can still be messaged, composes the message and asks the pacer for a slot: a row that may not go now is to be put
/// back until its booked slot. <see cref="PostAsync"/> renews the row's lease, posts with <c>chat.postMessage</c> (a DM goes
/// to the user id) and hands what Slack said to <see cref="DeliveryOutcomes"/>. See the remarks on
/// <see cref="NotificationDeliveryWorker"/> for when a message can be posted twice.
/// </summary>
internal sealed class DeliverySender(NotificationOutbox outbox, DeliveryPacer pacer, DeliveryOutcomes outcomes, TimeSpan leaseDuration, ILogger logger)
{
    private static readonly DeliveryPass Nothing = DeliveryPass.AdditiveIdentity;
    private static readonly DeliveryPass OneDeferred = new(0, 0, 1, 0);

    /// <summary>Readies <paramref name="delivery"/> for posting now, or says what became of it instead.</summary>
    public async Task<DeliveryStep> PrepareAsync(OutboxDelivery delivery, DeliveryWorkspace view, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(delivery.TeamId);
        if (view.TokenUnreadable)
        {
            return new DeliveryStep.Done(await outcomes.UnsendableAsync(workspace, delivery.Id, DeliveryErrors.UnreadableInstallation, "The app's stored token for this workspace cannot be decrypted (was the Data Protection key ring replaced?); reinstall the app.", cancellationToken));
        }

        if (view.Client is null)
        {
            // Uninstalled: nobody may be messaged any more. Every waiting row of the workspace ends now.
            var cancelled = await outbox.CancelWaitingAsync(workspace, DeliveryErrors.AppUninstalled, "app uninstalled", cancellationToken);
            if (cancelled > 0)
            {
                logger.LogInformation("Cancelled {Count} notification(s) of {Workspace}: the app is not installed there", cancelled, workspace);
            }

            return new DeliveryStep.Done(new DeliveryPass(0, 0, 0, cancelled));
        }

        if (!TryCompose(workspace, delivery, view, out var message, out var unsendable))
        {
            return new DeliveryStep.Done(await outcomes.UnsendableAsync(workspace, delivery.Id, unsendable.Code, unsendable.Reason, cancellationToken));
        }

        if (pacer.Admit(delivery.TeamId, delivery.RecipientId, delivery.Id) is { } slot)
        {
            return new DeliveryStep.Wait(new PacedDelivery(delivery.TeamId, delivery.Id, slot));
        }

        return new DeliveryStep.Post(view.Client, message);
    }

    /// <summary>Posts a prepared <paramref name="delivery"/>, claimed by <paramref name="owner"/>, and says what became of it.</summary>
    public async Task<DeliveryPass> PostAsync(OutboxDelivery delivery, DeliveryStep.Post post, string owner, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(delivery.TeamId);
        if (pacer.HeldUntil(delivery.TeamId) is { } held)
        {
            // Slack said 429 for the workspace while this one waited for a send slot.
            await outbox.RescheduleAsync(workspace, delivery.Id, held, refundAttempt: false, null, null, cancellationToken);
            return OneDeferred;
        }

        if (!await outbox.MarkSendingAsync(workspace, delivery.Id, owner, leaseDuration, cancellationToken))
        {
            // The lease ran out while earlier rows of the batch were sent: another instance may have the row now,
            // and if nobody does, the next claim (maybe ours) picks it up. Either way, not this one.
            logger.LogDebug("Skipped notification {DeliveryId} of {Workspace}: its lease ran out before it was sent", delivery.Id, workspace);
            return Nothing;
        }

        if (delivery.Status == DeliveryStatus.Sending)
        {
            logger.LogWarning("Re-sending notification {DeliveryId} of {Workspace}: an earlier attempt's outcome is unknown", delivery.Id, workspace);
        }

        var (client, message) = (post.Client, post.Message);
        var attempt = delivery.Attempts + 1;
        ChatPostMessageResult posted;
        try
        {
            posted = await client.ChatPostMessageAsync(delivery.RecipientId, message, NotificationMetadata.PostOptions(delivery.Id), cancellationToken);
        }
        catch (SlackRateLimitedException e)
        {
            return await outcomes.RateLimitedAsync(workspace, delivery, attempt, e, cancellationToken);
        }
        catch (SlackApiException e) when (e.IsTransient)
        {
            // Includes timeouts and 5xx, whose outcome is unknown: see the remarks on posting twice.
            return await outcomes.RetryOrFailAsync(workspace, delivery, attempt, e.Error, cancellationToken);
        }
        catch (SlackApiException e)
        {
            return await outcomes.RefusedAsync(workspace, delivery, client, e.Error, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Notification {DeliveryId} of {Workspace} failed unexpectedly", delivery.Id, workspace);
            return await outcomes.RetryOrFailAsync(workspace, delivery, attempt, DeliveryErrors.AppError, cancellationToken);
        }

        return await outcomes.SentAsync(workspace, delivery.Id, posted);
    }

    // A row whose stored data cannot be made into a message never will be: it ends failed, with why.
    private bool TryCompose(Workspace workspace, OutboxDelivery delivery, DeliveryWorkspace view, [NotNullWhen(true)] out Message? message, [NotNullWhen(false)] out Unsendable? unsendable)
    {
        message = null;
        unsendable = null;
        try
        {
            if (delivery.ToContent(view.SalesforceBaseUrl) is { } content)
            {
                message = NotificationComposer.Compose(content);
                return true;
            }

            unsendable = new Unsendable(DeliveryErrors.SignalMissing, "The signal this notification was about is gone.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Pure, in-memory work: whatever fails here fails again on every retry.
            logger.LogError(e, "Notification {DeliveryId} of {Workspace} cannot be composed from its stored signal", delivery.Id, workspace);
            unsendable = new Unsendable(DeliveryErrors.UnreadableSignal, $"The stored signal or its workflows could not be read ({e.GetType().Name}), so no message could be built.");
        }

        return false;
    }

    private sealed record Unsendable(string Code, string Reason);
}
