using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Sends the outbox: claims due deliveries with a lease (so no two instances send one row at once), paces them per
/// channel and workspace, posts with <c>chat.postMessage</c> (a DM goes to the user id) and records Slack's channel
/// and <c>ts</c> in the same statement that marks the row sent. Transient failures retry with backoff up to
/// <see cref="NotificationOptions.MaxAttempts"/>; permanent ones end failed with Slack's code; a workspace without
/// the app gets its waiting rows cancelled.
/// </summary>
/// <remarks>
/// Slack offers no idempotency key for <c>chat.postMessage</c>, so a notification can be posted twice in two cases:
/// Slack's answer is lost (timeout, 5xx: the outcome is unknown and the row is retried), or Slack accepted the
/// message but the row could not be recorded sent (the process died, or the database refused three times in a
/// row); the row then stays <c>sending</c> and is sent again when its lease runs out. Every message carries its
/// delivery id in its metadata (<see cref="NotificationMetadata"/>) so such duplicates can be identified; looking
/// them up in <c>conversations.history</c> first would need history scopes the app does not ask for. Every other
/// path sends a row at most once: a row is only sent under a live lease, renewed right before the Slack call.
/// </remarks>
public sealed class NotificationDeliveryWorker(
    NotificationOutbox outbox,
    IInstallationStore installations,
    ISlackApiClientFactory clients,
    WorkspaceSettingsRepository settings,
    DeliveryPacer pacer,
    NotificationDeliveryTrigger trigger,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDeliveryWorker> logger) : BackgroundService
{
    // Between two passes, even when a row looks due (e.g. leased by another instance), so the loop never spins.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(200);

    // Tries at recording a posted message as sent before leaving the row to its lease.
    private const int SentRecordAttempts = 3;

    private readonly NotificationOptions _options = options.Value;
    private readonly string _owner = NewOwner();

    // One pass at a time: the hosted loop and callers (tests, admin tools) never interleave.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Delivers everything due now, batch after batch, and reports what it did.</summary>
    public async Task<DeliveryPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var tally = new Tally();
            while (true)
            {
                var claimed = await outbox.ClaimAsync(_owner, _options.BatchSize, _options.LeaseDuration, cancellationToken);
                if (claimed.Count == 0)
                {
                    return new DeliveryPass(tally.Sent, tally.Failed, tally.Deferred, tally.Cancelled);
                }

                // Per batch: each workspace's token and settings are read once.
                var workspaces = new Dictionary<string, WorkspaceView>(StringComparer.Ordinal);
                foreach (var delivery in claimed)
                {
                    try
                    {
                        await DeliverAsync(delivery, workspaces, tally, cancellationToken);
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        // One row's trouble (e.g. the database refused a statement) must not stall the others. The
                        // row keeps its lease and is claimed again when the lease runs out.
                        logger.LogError(e, "Notification {DeliveryId} of {Workspace} could not be handled in this pass", delivery.Id, delivery.TeamId);
                    }
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.PollInterval;
            try
            {
                await RunOnceAsync(stoppingToken);
                if (await outbox.EarliestDueAsync(stoppingToken) is { } due)
                {
                    var untilDue = due - clock.GetUtcNow();
                    wait = untilDue < MinimumWait ? MinimumWait : untilDue < wait ? untilDue : wait;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next wake-up or poll tries again.
                logger.LogError(e, "Notification delivery pass failed");
            }

            try
            {
                await trigger.WaitAsync(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(OutboxDelivery delivery, Dictionary<string, WorkspaceView> workspaces, Tally tally, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(delivery.TeamId);
        if (!workspaces.TryGetValue(delivery.TeamId, out var view))
        {
            view = await LoadAsync(workspace, cancellationToken);
            workspaces[delivery.TeamId] = view;
        }

        if (view.TokenUnreadable)
        {
            await outbox.MarkFailedAsync(workspace, delivery.Id, DeliveryErrors.UnreadableInstallation, "The app's stored token for this workspace cannot be decrypted (was the Data Protection key ring replaced?); reinstall the app.", cancellationToken);
            tally.Failed++;
            return;
        }

        if (view.Client is null)
        {
            // Uninstalled: nobody may be messaged any more. Every waiting row of the workspace ends now.
            var cancelled = await outbox.CancelWaitingAsync(workspace, DeliveryErrors.AppUninstalled, "app uninstalled", cancellationToken);
            tally.Cancelled += cancelled;
            if (cancelled > 0)
            {
                logger.LogInformation("Cancelled {Count} notification(s) of {Workspace}: the app is not installed there", cancelled, workspace);
            }

            return;
        }

        if (await ComposeAsync(workspace, delivery, view, cancellationToken) is not { } message)
        {
            tally.Failed++;
            return;
        }

        if (pacer.TryTake(delivery.TeamId, delivery.RecipientId) is { } notBefore)
        {
            await outbox.RescheduleAsync(workspace, delivery.Id, notBefore, refundAttempt: false, null, null, cancellationToken);
            tally.Deferred++;
            return;
        }

        if (!await outbox.MarkSendingAsync(workspace, delivery.Id, _owner, _options.LeaseDuration, cancellationToken))
        {
            // The lease ran out while earlier rows of the batch were sent: another instance may have the row now,
            // and if nobody does, the next claim (maybe ours) picks it up. Either way, not this one.
            logger.LogDebug("Skipped notification {DeliveryId} of {Workspace}: its lease ran out before it was sent", delivery.Id, workspace);
            return;
        }

        if (delivery.Status == DeliveryStatus.Sending)
        {
            logger.LogWarning("Re-sending notification {DeliveryId} of {Workspace}: an earlier attempt's outcome is unknown", delivery.Id, workspace);
        }

        var attempt = delivery.Attempts + 1;
        ChatPostMessageResult posted;
        try
        {
            posted = await view.Client.ChatPostMessageAsync(delivery.RecipientId, message, NotificationMetadata.PostOptions(delivery.Id), cancellationToken);
        }
        catch (SlackRateLimitedException e)
        {
            // Slack says "later" for the whole workspace: hold it back, and this try does not count as an attempt.
            var until = clock.GetUtcNow() + (e.RetryAfter ?? Backoff(attempt));
            pacer.Hold(delivery.TeamId, until);
            await outbox.RescheduleAsync(workspace, delivery.Id, until, refundAttempt: true, e.Error, "Slack rate limit: held back as it asked.", cancellationToken);
            logger.LogWarning("Slack rate-limited {Workspace}; holding its notifications until {Until}", workspace, until);
            tally.Deferred++;
            return;
        }
        catch (SlackApiException e) when (e.IsTransient)
        {
            // Includes timeouts and 5xx, whose outcome is unknown: see the remarks on posting twice.
            await RetryOrFailAsync(workspace, delivery, attempt, e.Error, tally, cancellationToken);
            return;
        }
        catch (SlackApiException e)
        {
            var reason = await ExplainAsync(view.Client, e.Error, delivery.RecipientId, cancellationToken);
            await outbox.MarkFailedAsync(workspace, delivery.Id, e.Error, reason, cancellationToken);
            logger.LogWarning("Notification {DeliveryId} of {Workspace} failed: {Error}", delivery.Id, workspace, e.Error);
            tally.Failed++;
            return;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Notification {DeliveryId} of {Workspace} failed unexpectedly", delivery.Id, workspace);
            await RetryOrFailAsync(workspace, delivery, attempt, DeliveryErrors.AppError, tally, cancellationToken);
            return;
        }

        await RecordSentAsync(workspace, delivery.Id, posted);
        tally.Sent++;
    }

    // The message or null; a row whose stored data cannot be made into a message ends failed (it never will be).
    private async Task<Message?> ComposeAsync(Workspace workspace, OutboxDelivery delivery, WorkspaceView view, CancellationToken cancellationToken)
    {
        string code;
        string reason;
        try
        {
            if (delivery.ToContent(view.SalesforceBaseUrl) is { } content)
            {
                return NotificationComposer.Compose(content);
            }

            code = DeliveryErrors.SignalMissing;
            reason = "The signal this notification was about is gone.";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Pure, in-memory work: whatever fails here fails again on every retry.
            logger.LogError(e, "Notification {DeliveryId} of {Workspace} cannot be composed from its stored signal", delivery.Id, workspace);
            code = DeliveryErrors.UnreadableSignal;
            reason = $"The stored signal or its workflows could not be read ({e.GetType().Name}), so no message could be built.";
        }

        await outbox.MarkFailedAsync(workspace, delivery.Id, code, reason, cancellationToken);
        return null;
    }

    // Slack has the message: from here nothing may put the row back to wait (it would be posted again), not even the
    // pass being stopped, so the pass's token is not used. If the database keeps refusing, the row stays `sending`
    // under its lease: the same window as a crash right after the post.
    private async Task RecordSentAsync(Workspace workspace, long deliveryId, ChatPostMessageResult posted)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.MarkSentAsync(workspace, deliveryId, posted.Channel, posted.Ts, CancellationToken.None);
                return;
            }
            catch (Exception e) when (attempt < SentRecordAttempts)
            {
                // Deadlock victims and busy databases usually pass on the next try; the drivers already wait on locks.
                logger.LogWarning(e, "Recording notification {DeliveryId} of {Workspace} as sent failed (try {Attempt}); trying again", deliveryId, workspace, attempt);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Notification {DeliveryId} of {Workspace} was posted (channel {Channel}, ts {Ts}) but could not be recorded as sent; it stays sending and is posted again when its lease runs out", deliveryId, workspace, posted.Channel, posted.Ts);
                return;
            }
        }
    }

    private async Task RetryOrFailAsync(Workspace workspace, OutboxDelivery delivery, int attempt, string code, Tally tally, CancellationToken cancellationToken)
    {
        if (attempt >= _options.MaxAttempts)
        {
            await outbox.MarkFailedAsync(workspace, delivery.Id, code, $"Gave up after {attempt} attempts; the last failed with {code}.", cancellationToken);
            logger.LogWarning("Notification {DeliveryId} of {Workspace} failed after {Attempts} attempts: {Error}", delivery.Id, workspace, attempt, code);
            tally.Failed++;
            return;
        }

        var retryAt = clock.GetUtcNow() + Backoff(attempt);
        await outbox.RescheduleAsync(workspace, delivery.Id, retryAt, refundAttempt: false, code, null, cancellationToken);
        tally.Deferred++;
    }

    // not_in_channel: name the channel people must invite the app to, when Slack tells us its name cheaply.
    private async Task<string> ExplainAsync(ISlackApiClient client, string code, string channel, CancellationToken cancellationToken)
    {
        if (code != "not_in_channel")
        {
            return DeliveryErrors.Explain(code, channel);
        }

        try
        {
            var info = await client.ConversationsInfoAsync(channel, cancellationToken);
            if (!string.IsNullOrEmpty(info.Channel.Name))
            {
                return $"Invite the app to #{UntrustedText.Mrkdwn(info.Channel.Name)} (<#{channel}>).";
            }
        }
        catch (SlackApiException e)
        {
            logger.LogDebug("conversations.info for {Channel} failed: {Error}", channel, e.Error);
        }

        return $"Invite the app to #{channel} (<#{channel}>).";
    }

    private async Task<WorkspaceView> ReadWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, cancellationToken);
        if (installation is null)
        {
            return new WorkspaceView(null, null);
        }

        var salesforce = (await settings.GetAsync(workspace, cancellationToken)).SalesforceBaseUrl;
        return new WorkspaceView(clients.ForToken(installation.BotToken), salesforce);
    }

    // Reads the installation; a token that cannot be decrypted makes the workspace's rows fail, not the whole pass.
    private async Task<WorkspaceView> LoadAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadWorkspaceAsync(workspace, cancellationToken);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "The stored bot token of {Workspace} cannot be decrypted; its notifications fail until the app is reinstalled", workspace);
            return new WorkspaceView(null, null, TokenUnreadable: true);
        }
    }

    private TimeSpan Backoff(int failures) => DeliveryBackoff.Delay(failures, _options.RetryBaseDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());

    // Fits lease_owner (100 characters): the unique tail is kept when a machine name is very long.
    private static string NewOwner()
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return owner.Length <= 100 ? owner : owner[^100..];
    }

    private sealed record WorkspaceView(ISlackApiClient? Client, string? SalesforceBaseUrl, bool TokenUnreadable = false);

    private sealed class Tally
    {
        public int Sent { get; set; }
        public int Failed { get; set; }
        public int Deferred { get; set; }
        public int Cancelled { get; set; }
    }
}
