using System.Globalization;
using SlackApp.Notifications;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Crash;

/// <summary>
/// What the fake Slack does in each of the app's two lives, and every message it saw. In the first life it answers
/// the first <c>answeredBeforeHold</c> <c>chat.postMessage</c> calls and holds every later one unanswered, so the
/// app has messages in flight when it is killed; it also holds every <c>users.lookupByEmail</c>, so a signal whose
/// notification needs one cannot be matched before the kill. In the second life it answers everything.
/// </summary>
internal sealed class CrashScript
{
    private readonly int _answeredBeforeHold;
    private readonly int _expectedDeliveries;
    private readonly Lock _gate = new();
    private readonly List<SlackPost> _posts = [];
    private readonly HashSet<long> _answered = [];
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CrashScript(FakeSlack slack, int answeredBeforeHold, int expectedDeliveries)
    {
        _answeredBeforeHold = answeredBeforeHold;
        _expectedDeliveries = expectedDeliveries;
        slack.OnHeld("chat.postMessage", PostAsync);
        slack.OnHeld("users.lookupByEmail", LookUpAsync);
    }

    /// <summary>Completes when the first life's first held message arrives: the app has a message in flight.</summary>
    public Task FirstHeld => _firstHeld.Task;

    /// <summary>Completes when Slack has answered <c>ok</c> to a message of every expected delivery.</summary>
    public Task AllAnswered => _allAnswered.Task;

    /// <summary>Every <c>chat.postMessage</c> that reached the fake, in order of arrival.</summary>
    public IReadOnlyList<SlackPost> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>Ends every held call (their app is gone; the answer goes nowhere).</summary>
    public void Release() => _release.TrySetResult();

    private async Task<FakeSlackAnswer?> PostAsync(SlackCall call, CancellationToken cancellationToken)
    {
        var post = new SlackPost(RunOf(call), DeliveryIdOf(call), Held: false);
        lock (_gate)
        {
            post = post with { Held = post.Run == 1 && _posts.Count(p => p.Run == 1) >= _answeredBeforeHold };
            _posts.Add(post);
            if (!post.Held && _answered.Add(post.DeliveryId) && _answered.Count == _expectedDeliveries)
            {
                _allAnswered.TrySetResult();
            }
        }

        if (!post.Held)
        {
            // FakeSlack's own answer: ok, with a channel and ts.
            return null;
        }

        _firstHeld.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
        return FakeSlackAnswer.ServerError();
    }

    private async Task<FakeSlackAnswer?> LookUpAsync(SlackCall call, CancellationToken cancellationToken)
    {
        if (RunOf(call) != 1)
        {
            return null;
        }

        await _release.Task.WaitAsync(cancellationToken);
        return FakeSlackAnswer.ServerError();
    }

    // LoopbackSlack passes the app's life as ?run=n.
    private static int RunOf(SlackCall call) =>
        int.Parse(call.Uri.Query.AsSpan("?run=".Length), CultureInfo.InvariantCulture);

    private static long DeliveryIdOf(SlackCall call) =>
        call.Body["metadata"]?["event_payload"]?[NotificationMetadata.DeliveryIdKey]?.GetValue<long>()
        ?? throw new InvalidOperationException($"A chat.postMessage without a delivery id in its metadata: {call.Body.ToJsonString()}");
}

/// <summary>One <c>chat.postMessage</c> the fake received: from which life of the app, for which delivery, and whether it was held unanswered.</summary>
internal sealed record SlackPost(int Run, long DeliveryId, bool Held);
