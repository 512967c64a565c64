using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>
/// Sends the outbox: claims due deliveries with a lease (so no two instances send one row at once), paces them per
/// channel and workspace, posts with <c>chat.postMessage</c> (a DM goes to the user id) and records Slack's channel
/// and <c>ts</c> in the same statement that marks the row sent. Up to <see cref="NotificationOptions.MaxConcurrentSends"/>
/// messages are with Slack at once, across channels and workspaces; each channel has one at a time, in the order its
/// signals arrived (the outbox only hands out a channel's first waiting row). Transient failures retry with backoff
/// up to <see cref="NotificationOptions.MaxAttempts"/>; permanent ones end failed with Slack's code; a workspace
/// without the app gets its waiting rows cancelled.
/// </summary>
/// <remarks>
/// Slack offers no idempotency key for <c>chat.postMessage</c>, so a notification can be posted twice in two cases:
/// Slack's answer is lost (timeout, 5xx: the outcome is unknown and the row is retried), or Slack accepted the
/// message but the row could not be recorded sent (the process died, or the database refused three times in a
/// row); the row then stays <c>sending</c> and is sent again when its lease runs out. So a crash can post again at
/// most the messages that were with Slack at that moment. Every message carries its delivery id in its metadata
/// (<see cref="NotificationMetadata"/>) so such duplicates can be identified; looking them up in
/// <c>conversations.history</c> first would need history scopes the app does not ask for. Every other path sends a
/// row at most once: a row is only sent under a live lease, renewed right before the Slack call.
/// </remarks>
public sealed class NotificationDeliveryWorker : LeasedQueueWorker<OutboxDelivery, DeliveryWorkspace, DeliveryPass>
{
    private readonly NotificationOutbox _outbox;
    private readonly DeliveryWorkspaceReader _workspaces;
    private readonly DeliverySender _sender;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendSlots;

    // Sends started in this pass, and rows paced for later: only the pass touches them (passes never interleave).
    private readonly List<Task<DeliveryPass>> _sending = [];
    private readonly List<PacedDelivery> _paced = [];

    public NotificationDeliveryWorker(
        NotificationOutbox outbox,
        IInstallationStore installations,
        ISlackApiClientFactory clients,
        WorkspaceSettingsRepository settings,
        DeliveryPacer pacer,
        NotificationDeliveryTrigger trigger,
        DeliveryTelemetry telemetry,
        TimeProvider clock,
        IOptions<NotificationOptions> options,
        ILogger<NotificationDeliveryWorker> logger,
        WorkerHeartbeats? heartbeats = null)
        : base("Notification delivery", ScheduleOf(options.Value), trigger, clock, logger, heartbeats)
    {
        var delivery = options.Value;
        _outbox = outbox;
        _logger = logger;
        _sendSlots = new SemaphoreSlim(delivery.MaxConcurrentSends, delivery.MaxConcurrentSends);
        _workspaces = new DeliveryWorkspaceReader(installations, clients, settings, logger);
        _sender = new DeliverySender(outbox, pacer, new DeliveryOutcomes(outbox, pacer, clock, delivery, telemetry, logger), delivery, logger);
    }

    public override void Dispose()
    {
        base.Dispose();
        _sendSlots.Dispose();
    }

    protected override Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        _outbox.ClaimAsync(owner, limit, lease, cancellationToken);

    // Sleeps until the next row can be claimed (a retry, a paced send, a lease running out), not a whole poll.
    protected override Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        _outbox.EarliestDueAsync(cancellationToken);

    // Per batch: each workspace's token and settings are read once.
    protected override Task<DeliveryWorkspace> ReadWorkspaceAsync(string teamId, CancellationToken cancellationToken) =>
        _workspaces.ReadAsync(teamId, cancellationToken);

    // Starts the post and returns at once (unless every send slot is taken), so the pass goes on claiming other
    // channels while Slack answers; what the post did is counted when the pass finishes.
    protected override async Task<DeliveryPass> ProcessAsync(OutboxDelivery delivery, BatchWorkspaceViews<DeliveryWorkspace> workspaces, CancellationToken cancellationToken)
    {
        var view = await workspaces.GetAsync(delivery.TeamId, cancellationToken);
        switch (await _sender.PrepareAsync(delivery, view, Owner, cancellationToken))
        {
            case DeliveryStep.Post post:
                await _sendSlots.WaitAsync(cancellationToken);
                _sending.Add(PostAsync(delivery, post, cancellationToken));
                return DeliveryPass.AdditiveIdentity;
            case DeliveryStep.Wait wait:
                // Still leased to this instance, so no claim of this pass takes it (nor its channel's next) again.
                _paced.Add(wait.Until);
                return DeliveryPass.AdditiveIdentity;
            case DeliveryStep.Done done:
                return done.Pass;
            default:
                throw new InvalidOperationException($"Unknown delivery step {delivery.Id}.");
        }
    }

    protected override async Task<DeliveryPass> FinishPassAsync(CancellationToken cancellationToken)
    {
        var paced = _paced.ToArray();
        _paced.Clear();
        await _outbox.PutBackAsync(paced, Owner, cancellationToken);
        var sends = _sending.ToArray();
        _sending.Clear();
        var pass = new DeliveryPass(0, 0, paced.Length, 0);
        foreach (var done in await Task.WhenAll(sends))
        {
            pass += done;
        }

        return pass;
    }

    protected override void OnUnhandled(OutboxDelivery delivery, Exception exception) =>
        _logger.LogError(exception, "Notification {DeliveryId} of {Workspace} could not be handled in this pass", delivery.Id, delivery.TeamId);

    private async Task<DeliveryPass> PostAsync(OutboxDelivery delivery, DeliveryStep.Post post, CancellationToken cancellationToken)
    {
        // The send continues its signal's trace: chat.postMessage is a child of this span.
        using var activity = DeliveryTelemetry.StartSend(delivery, post.Unit.Items);
        using var scope = _logger.BeginScope("Notification {DeliveryId} of team {TeamId}", delivery.Id, delivery.TeamId);
        try
        {
            return await _sender.PostAsync(delivery, post, Owner, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // As for any step: the row keeps its lease and is claimed again when the lease runs out.
            OnUnhandled(delivery, e);
            return DeliveryPass.AdditiveIdentity;
        }
        finally
        {
            _sendSlots.Release();
        }
    }

    private static LeasedQueueSchedule ScheduleOf(NotificationOptions options) => new(options.BatchSize, options.LeaseDuration, options.PollInterval);
}
