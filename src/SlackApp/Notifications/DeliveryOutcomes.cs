using SlackApp.Installations;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Records what became of a send on its outbox row, and says what that counts as in the pass: sent, held back (429),
/// retried with backoff or given up on (transient), failed with a reason people can act on (permanent).
/// </summary>
internal sealed class DeliveryOutcomes(NotificationOutbox outbox, DeliveryPacer pacer, TimeProvider clock, NotificationOptions options, DeliveryTelemetry telemetry, ILogger logger)
{
    // Tries at recording a posted message as sent before leaving the row to its lease.
    private const int SentRecordAttempts = 3;

    private static readonly DeliveryPass OneFailed = new(0, 1, 0, 0);

    // Slack has the message: from here nothing may put the row back to wait (it would be posted again), not even the
    // pass being stopped, so the pass's token is not used. If the database keeps refusing, the row stays `sending`
    // under its lease: the same window as a crash right after the post.
    public async Task<DeliveryPass> SentAsync(Workspace workspace, SendUnit unit, ChatPostMessageResult posted)
    {
        var deliveryId = unit.Leader.Id;
        var sent = new DeliveryPass(unit.Items, 0, 0, 0);
        telemetry.Sent(unit.Items);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (unit.MessageId is { } messageId)
                {
                    await outbox.MarkMessageSentAsync(workspace, messageId, posted.Channel, posted.Ts, CancellationToken.None);
                }
                else
                {
                    await outbox.MarkSentAsync(workspace, deliveryId, posted.Channel, posted.Ts, CancellationToken.None);
                }

                return sent;
            }
            catch (Exception e) when (attempt < SentRecordAttempts)
            {
                // Deadlock victims and busy databases usually pass on the next try; the drivers already wait on locks.
                logger.LogWarning(e, "Recording notification {DeliveryId} of {Workspace} as sent failed (try {Attempt}); trying again", deliveryId, workspace, attempt);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Notification {DeliveryId} of {Workspace} was posted (channel {Channel}, ts {Ts}) but could not be recorded as sent; it stays sending and is posted again when its lease runs out", deliveryId, workspace, posted.Channel, posted.Ts);
                return sent;
            }
        }
    }

    // Slack says "later" for the whole workspace: hold it back, and this try does not count as an attempt.
    public async Task<DeliveryPass> RateLimitedAsync(Workspace workspace, SendUnit unit, int attempt, SlackRateLimitedException limited, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + (limited.RetryAfter ?? Backoff(attempt));
        telemetry.RateLimited(workspace.TeamId);
        pacer.RateLimited(workspace.TeamId, until);
        await RescheduleAsync(workspace, unit, until, refundAttempt: true, limited.Error, "Slack rate limit: held back as it asked.", cancellationToken);
        logger.LogWarning("Slack rate-limited {Workspace}; holding its notifications until {Until}", workspace, until);
        return Deferred(unit);
    }

    /// <summary>Puts the unit back to wait until <paramref name="until"/>: a message's items wait, and go, together.</summary>
    public Task RescheduleAsync(Workspace workspace, SendUnit unit, DateTimeOffset until, bool refundAttempt, string? code, string? detail, CancellationToken cancellationToken) =>
        unit.MessageId is { } messageId
            ? outbox.RescheduleMessageAsync(workspace, messageId, until, refundAttempt, code, detail, cancellationToken)
            : outbox.RescheduleAsync(workspace, unit.Leader.Id, until, refundAttempt, code, detail, cancellationToken);

    public static DeliveryPass Deferred(SendUnit unit) => new(0, 0, unit.Items, 0);

    /// <summary>A failure that may pass: tried again after a backoff, until <see cref="NotificationOptions.MaxAttempts"/>.</summary>
    public async Task<DeliveryPass> RetryOrFailAsync(Workspace workspace, SendUnit unit, int attempt, string code, CancellationToken cancellationToken)
    {
        if (attempt >= options.MaxAttempts)
        {
            await FailAsync(workspace, unit, code, $"Gave up after {attempt} attempts; the last failed with {code}.", cancellationToken);
            telemetry.Failed(unit.Items, code);
            logger.LogWarning("Notification {DeliveryId} of {Workspace} failed after {Attempts} attempts: {Error}", unit.Leader.Id, workspace, attempt, code);
            return new DeliveryPass(0, unit.Items, 0, 0);
        }

        var retryAt = clock.GetUtcNow() + Backoff(attempt);
        await RescheduleAsync(workspace, unit, retryAt, refundAttempt: false, code, null, cancellationToken);
        telemetry.Retried(unit.Items, code);
        return Deferred(unit);
    }

    /// <summary>Slack refused the message for good: the row ends failed with Slack's code and what to do about it.</summary>
    public async Task<DeliveryPass> RefusedAsync(Workspace workspace, SendUnit unit, ISlackApiClient client, string code, CancellationToken cancellationToken)
    {
        var reason = await ExplainAsync(client, code, unit.Leader.RecipientId, cancellationToken);
        await FailAsync(workspace, unit, code, reason, cancellationToken);
        telemetry.Failed(unit.Items, code);
        logger.LogWarning("Notification {DeliveryId} of {Workspace} failed: {Error}", unit.Leader.Id, workspace, code);
        return new DeliveryPass(0, unit.Items, 0, 0);
    }

    /// <summary>The row can never become a message (or be sent): it ends failed now, with <paramref name="code"/>.</summary>
    public async Task<DeliveryPass> UnsendableAsync(Workspace workspace, long deliveryId, string code, string reason, CancellationToken cancellationToken)
    {
        await outbox.MarkFailedAsync(workspace, deliveryId, code, reason, cancellationToken);
        telemetry.Failed(1, code);
        return OneFailed;
    }

    private Task FailAsync(Workspace workspace, SendUnit unit, string code, string? reason, CancellationToken cancellationToken) =>
        unit.MessageId is { } messageId
            ? outbox.MarkMessageFailedAsync(workspace, messageId, code, reason, cancellationToken)
            : outbox.MarkFailedAsync(workspace, unit.Leader.Id, code, reason, cancellationToken);

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

    private TimeSpan Backoff(int failures) => DeliveryBackoff.Delay(failures, options.RetryBaseDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
}
