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
internal sealed class DeliverySender(NotificationOutbox outbox, DeliveryPacer pacer, DeliveryOutcomes outcomes, NotificationOptions options, ILogger logger)
{
    private static readonly DeliveryPass Nothing = DeliveryPass.AdditiveIdentity;

    /// <summary>Readies <paramref name="delivery"/>, claimed by <paramref name="owner"/>, for posting now, or says what became of it instead.</summary>
    public async Task<DeliveryStep> PrepareAsync(OutboxDelivery delivery, DeliveryWorkspace view, string owner, CancellationToken cancellationToken)
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

        Message? single = null;
        if (delivery.MessageId is null)
        {
            if (!TryCompose(workspace, delivery, view, out single, out var unsendable))
            {
                return new DeliveryStep.Done(await outcomes.UnsendableAsync(workspace, delivery.Id, unsendable.Code, unsendable.Reason, cancellationToken));
            }
        }

        if (pacer.Admit(delivery.TeamId, delivery.RecipientId, delivery.Id) is { } slot)
        {
            return new DeliveryStep.Wait(new PacedDelivery(delivery.TeamId, delivery.Id, slot));
        }

        if (delivery.MessageId is { } recorded)
        {
            // Recorded but not known to be sent (a crash, a retry): the same items go again, together.
            return await ResendAsync(workspace, delivery, recorded, view, cancellationToken);
        }

        if (delivery.Status == DeliveryStatus.Pending && await FoldAsync(workspace, delivery, view, owner, cancellationToken) is { } folded)
        {
            return folded;
        }

        return new DeliveryStep.Post(view.Client, single ?? throw new InvalidOperationException("Composed above."), new SendUnit(delivery));
    }

    /// <summary>Posts a prepared <paramref name="delivery"/>, claimed by <paramref name="owner"/>, and says what became of it.</summary>
    public async Task<DeliveryPass> PostAsync(OutboxDelivery delivery, DeliveryStep.Post post, string owner, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(delivery.TeamId);
        var unit = post.Unit;
        if (pacer.HeldUntil(delivery.TeamId) is { } held)
        {
            // Slack said 429 for the workspace while this one waited for a send slot.
            await outcomes.RescheduleAsync(workspace, unit, held, refundAttempt: false, null, null, cancellationToken);
            return DeliveryOutcomes.Deferred(unit);
        }

        var leaseHeld = unit.MessageId is { } messageId
            ? await outbox.MarkMessageSendingAsync(workspace, messageId, delivery.Id, owner, options.LeaseDuration, cancellationToken)
            : await outbox.MarkSendingAsync(workspace, delivery.Id, owner, options.LeaseDuration, cancellationToken);
        if (!leaseHeld)
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
            return await outcomes.RateLimitedAsync(workspace, unit, attempt, e, cancellationToken);
        }
        catch (SlackApiException e) when (e.IsTransient)
        {
            // Includes timeouts and 5xx, whose outcome is unknown: see the remarks on posting twice.
            return await outcomes.RetryOrFailAsync(workspace, unit, attempt, e.Error, cancellationToken);
        }
        catch (SlackApiException e)
        {
            return await outcomes.RefusedAsync(workspace, unit, client, e.Error, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Notification {DeliveryId} of {Workspace} failed unexpectedly", delivery.Id, workspace);
            return await outcomes.RetryOrFailAsync(workspace, unit, attempt, DeliveryErrors.AppError, cancellationToken);
        }

        return await outcomes.SentAsync(workspace, unit, posted);
    }

    // Folds the channel's waiting items into one message when they were held for it (a digest, quiet hours, the
    // cap) or when more wait than the channel's pace posts within the coalescing window; null to send the leader alone.
    private async Task<DeliveryStep?> FoldAsync(Workspace workspace, OutboxDelivery leader, DeliveryWorkspace view, string owner, CancellationToken cancellationToken)
    {
        var line = await outbox.WaitingBehindAsync(leader, owner, DigestComposer.MaxItems, cancellationToken);
        var burst = options.CoalesceAbove > 0 && line.Total > options.CoalesceAbove;
        if (line.Items.Count < 2 || line.Items[0].Id != leader.Id || !(burst || line.Items.Any(i => i.HeldReason is not null)))
        {
            return null;
        }

        var items = new List<OutboxDelivery>();
        var contents = new List<NotificationContent>();
        var failed = DeliveryPass.AdditiveIdentity;
        foreach (var item in line.Items)
        {
            if (TryCompose(workspace, item, view, out _, out var unsendable) && item.ToContent(view.SalesforceBaseUrl) is { } content)
            {
                items.Add(item);
                contents.Add(content);
            }
            else if (item.Id != leader.Id)
            {
                failed += await outcomes.UnsendableAsync(workspace, item.Id, unsendable!.Code, unsendable.Reason, cancellationToken);
            }
        }

        if (items.Count < 2 || items[0].Id != leader.Id)
        {
            return null;
        }

        if (await outbox.RecordMessageAsync(items, MessageKind.Digest, owner, options.LeaseDuration, cancellationToken) is not { } messageId)
        {
            return new DeliveryStep.Done(failed);
        }

        var digest = new DigestContent(contents, line.Total - items.Count) { OverDailyCap = items.Count(i => i.HeldReason == HoldReason.DailyCap) };
        return new DeliveryStep.Post(view.Client!, DigestComposer.Compose(digest), new SendUnit(leader, messageId, items.Count));
    }

    private async Task<DeliveryStep> ResendAsync(Workspace workspace, OutboxDelivery leader, long messageId, DeliveryWorkspace view, CancellationToken cancellationToken)
    {
        var items = (await outbox.ItemsOfAsync(workspace, messageId, cancellationToken))
            .Where(i => i.Status is DeliveryStatus.Pending or DeliveryStatus.Sending)
            .ToList();
        var contents = items.Select(i => i.ToContent(view.SalesforceBaseUrl)).OfType<NotificationContent>().ToList();
        if (contents.Count == 0)
        {
            await outbox.MarkMessageFailedAsync(workspace, messageId, DeliveryErrors.SignalMissing, "The signals this message was about are gone.", cancellationToken);
            return new DeliveryStep.Done(new DeliveryPass(0, items.Count, 0, 0));
        }

        var digest = new DigestContent(contents) { OverDailyCap = items.Count(i => i.HeldReason == HoldReason.DailyCap) };
        return new DeliveryStep.Post(view.Client!, DigestComposer.Compose(digest), new SendUnit(leader, messageId, items.Count));
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
