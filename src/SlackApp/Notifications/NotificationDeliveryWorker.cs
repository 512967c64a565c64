using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>
/// Sends the outbox: claims due deliveries with a lease (so no two instances send one row at once), paces them per
/// channel and workspace, posts with <c>chat.postMessage</c> (a DM goes to the user id) and records Slack's channel
/// and <c>ts</c> in the same statement that marks the row sent. Transient failures retry with backoff up to
/// <see cref="NotificationOptions.MaxAttempts"/>; permanent ones end failed with Slack's code; a workspace without
/// the app gets its waiting rows cancelled.
/// </summary>
/// <remarks>
/// The one window where a notification can be posted twice: Slack accepted the message but the process died before
/// the row was marked sent. The row stays <c>sending</c>, its lease runs out, and it is sent again (Slack has no
/// idempotency key for <c>chat.postMessage</c>). Every other path sends a row at most once.
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
                    await DeliverAsync(delivery, workspaces, tally, cancellationToken);
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

        if (delivery.ToContent(view.SalesforceBaseUrl) is not { } content)
        {
            await outbox.MarkFailedAsync(workspace, delivery.Id, DeliveryErrors.SignalMissing, "The signal this notification was about is gone.", cancellationToken);
            tally.Failed++;
            return;
        }

        if (pacer.TryTake(delivery.TeamId, delivery.RecipientId) is { } notBefore)
        {
            await outbox.RescheduleAsync(workspace, delivery.Id, notBefore, refundAttempt: false, null, null, cancellationToken);
            tally.Deferred++;
            return;
        }

        if (!await outbox.MarkSendingAsync(workspace, delivery.Id, _owner, cancellationToken))
        {
            // The lease ran out and another instance has it now: it sends, not us.
            return;
        }

        if (delivery.Status == DeliveryStatus.Sending)
        {
            logger.LogWarning("Re-sending notification {DeliveryId} of {Workspace}: an earlier attempt's outcome is unknown (the process stopped mid-send)", delivery.Id, workspace);
        }

        var attempt = delivery.Attempts + 1;
        try
        {
            var posted = await view.Client.ChatPostMessageAsync(delivery.RecipientId, NotificationComposer.Compose(content), cancellationToken: cancellationToken);
            await outbox.MarkSentAsync(workspace, delivery.Id, posted.Channel, posted.Ts, cancellationToken);
            tally.Sent++;
        }
        catch (SlackRateLimitedException e)
        {
            // Slack says "later" for the whole workspace: hold it back, and this try does not count as an attempt.
            var until = clock.GetUtcNow() + (e.RetryAfter ?? Backoff(attempt));
            pacer.Hold(delivery.TeamId, until);
            await outbox.RescheduleAsync(workspace, delivery.Id, until, refundAttempt: true, e.Error, "Slack rate limit: held back as it asked.", cancellationToken);
            logger.LogWarning("Slack rate-limited {Workspace}; holding its notifications until {Until}", workspace, until);
            tally.Deferred++;
        }
        catch (SlackApiException e) when (e.IsTransient)
        {
            await RetryOrFailAsync(workspace, delivery, attempt, e.Error, tally, cancellationToken);
        }
        catch (SlackApiException e)
        {
            var reason = await ExplainAsync(view.Client, e.Error, delivery.RecipientId, cancellationToken);
            await outbox.MarkFailedAsync(workspace, delivery.Id, e.Error, reason, cancellationToken);
            logger.LogWarning("Notification {DeliveryId} of {Workspace} failed: {Error}", delivery.Id, workspace, e.Error);
            tally.Failed++;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Notification {DeliveryId} of {Workspace} failed unexpectedly", delivery.Id, workspace);
            await RetryOrFailAsync(workspace, delivery, attempt, "app_error", tally, cancellationToken);
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

    private async Task<WorkspaceView> LoadAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, cancellationToken);
        if (installation is null)
        {
            return new WorkspaceView(null, null);
        }

        var salesforce = (await settings.GetAsync(workspace, cancellationToken)).SalesforceBaseUrl;
        return new WorkspaceView(clients.ForToken(installation.BotToken), salesforce);
    }

    private TimeSpan Backoff(int failures) => DeliveryBackoff.Delay(failures, _options.RetryBaseDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());

    // Fits lease_owner (100 characters): the unique tail is kept when a machine name is very long.
    private static string NewOwner()
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return owner.Length <= 100 ? owner : owner[^100..];
    }

    private sealed record WorkspaceView(ISlackApiClient? Client, string? SalesforceBaseUrl);

    private sealed class Tally
    {
        public int Sent { get; set; }
        public int Failed { get; set; }
        public int Deferred { get; set; }
        public int Cancelled { get; set; }
    }
}
