using System.Reflection;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Slack.WebApi;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Notifications;

/// <summary>The directory's sharing and bounding of <c>users.lookupByEmail</c> calls, the first call held open by the test.</summary>
public sealed class SlackUserDirectoryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static ISlackApiClient Client(NotificationsApp app) => app.Service<ISlackApiClientFactory>().ForToken(FakeSlack.BotToken);

    [Fact]
    public async Task After_a_429_the_workspaces_lookups_fail_without_a_call_until_Retry_After_has_passed()
    {
        await using var app = new NotificationsApp();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        app.Slack.AddUser("U0CSM", "csm@vendor.example");
        var limited = 1;
        app.Slack.On("users.lookupByEmail", _ => Interlocked.Exchange(ref limited, 0) == 1 ? FakeSlackAnswer.RateLimited(30) : null);
        var directory = app.Service<SlackUserDirectory>();

        await Assert.ThrowsAsync<SlackRateLimitedException>(() => directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "ae@vendor.example", NotificationsApp.Ct));
        var calls = app.Slack.CallsTo("users.lookupByEmail").Count();

        // Another email, 29 s later: still held, and Slack is not asked.
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        var held = await Assert.ThrowsAsync<SlackRateLimitedException>(() => directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "csm@vendor.example", NotificationsApp.Ct));
        Assert.True(held.IsTransient);
        Assert.Equal(calls, app.Slack.CallsTo("users.lookupByEmail").Count());

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("U0CSM", (await directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "csm@vendor.example", NotificationsApp.Ct)).UserId);
        Assert.Equal(calls + 1, app.Slack.CallsTo("users.lookupByEmail").Count());
    }

    [Fact]
    public async Task Concurrent_lookups_of_the_same_email_share_one_call()
    {
        await using var app = new NotificationsApp();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<FakeSlackAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Slack.OnHeld("users.lookupByEmail", (_, _) =>
        {
            entered.TrySetResult();
            return release.Task;
        });
        var directory = app.Service<SlackUserDirectory>();

        var first = directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "ae@vendor.example", NotificationsApp.Ct);
        await entered.Task.WaitAsync(Patience, NotificationsApp.Ct);
        var second = directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), " AE@Vendor.example", NotificationsApp.Ct);
        release.SetResult(null);
        var answers = await Task.WhenAll(first, second).WaitAsync(Patience, NotificationsApp.Ct);

        Assert.Equal(["U0AE", "U0AE"], answers.Select(a => a.UserId));
        Assert.Single(app.Slack.CallsTo("users.lookupByEmail"));
    }

    [Fact]
    public async Task A_transient_failure_reaches_every_caller_sharing_the_call_and_is_not_remembered()
    {
        await using var app = new NotificationsApp();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<FakeSlackAnswer?>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Slack.OnHeld("users.lookupByEmail", (_, _) =>
        {
            entered.TrySetResult();
            return release.Task;
        });
        var directory = app.Service<SlackUserDirectory>();

        var first = directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "ae@vendor.example", NotificationsApp.Ct);
        await entered.Task.WaitAsync(Patience, NotificationsApp.Ct);
        var second = directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "ae@vendor.example", NotificationsApp.Ct);
        release.SetResult(FakeSlackAnswer.ServerError());
        var errors = new[] { await Assert.ThrowsAsync<SlackApiException>(() => first), await Assert.ThrowsAsync<SlackApiException>(() => second) };
        var calledOnce = app.Slack.CallsTo("users.lookupByEmail").Count();
        app.Slack.OnHeld("users.lookupByEmail", (_, _) => Task.FromResult<FakeSlackAnswer?>(null));
        var retried = await directory.FindByEmailAsync(NotificationsApp.Acme, Client(app), "ae@vendor.example", NotificationsApp.Ct);

        Assert.All(errors, e => Assert.True(e.IsTransient));
        Assert.Equal(1, calledOnce);
        Assert.Equal("U0AE", retried.UserId);
        Assert.Equal(2, app.Slack.CallsTo("users.lookupByEmail").Count());
    }

    [Fact]
    public async Task At_most_MaxConcurrentLookups_calls_run_at_once_and_the_others_wait_their_turn()
    {
        using var directory = new SlackUserDirectory(new FakeTimeProvider(), Microsoft.Extensions.Options.Options.Create(new NotificationOptions { MaxConcurrentLookups = 2 }));
        var slack = HeldLookups.Create();
        var workspace = new Workspace("T0ACME");

        var lookups = Enumerable.Range(0, 5).Select(i => directory.FindByEmailAsync(workspace, (ISlackApiClient)slack, $"p{i}@vendor.example", NotificationsApp.Ct)).ToList();
        for (var i = 0; i < 5; i++)
        {
            await slack.AnswerNextAsync(NotificationsApp.Ct);
        }

        var answers = await Task.WhenAll(lookups).WaitAsync(Patience, NotificationsApp.Ct);

        Assert.Equal(2, slack.MostAtOnce);
        Assert.Equal(["U0", "U1", "U2", "U3", "U4"], answers.Select(a => a.UserId));
    }

    /// <summary>A Slack client whose <c>users.lookupByEmail</c> calls stay open until the test answers them, counting how many are open at once.</summary>
    public class HeldLookups : DispatchProxy
    {
        private readonly Channel<(string Email, TaskCompletionSource<UserResult> Answer)> _calls = Channel.CreateUnbounded<(string, TaskCompletionSource<UserResult>)>();
        private readonly Lock _gate = new();
        private int _open;

        public int MostAtOnce { get; private set; }

        public static HeldLookups Create() => (HeldLookups)(object)Create<ISlackApiClient, HeldLookups>();

        /// <summary>Answers the next call to arrive: <c>pN@…</c> is user <c>UN</c>.</summary>
        public async Task AnswerNextAsync(CancellationToken cancellationToken)
        {
            var (email, answer) = await _calls.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(Patience, cancellationToken);
            lock (_gate)
            {
                // Closed before it is answered, so the call that takes its place never counts it.
                _open--;
            }

            answer.SetResult(new UserResult { User = new User { Id = "U" + email[1..email.IndexOf('@', StringComparison.Ordinal)] } });
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(ISlackApiClient.UsersLookupByEmailAsync))
            {
                throw new NotSupportedException(targetMethod?.Name);
            }

            var answer = new TaskCompletionSource<UserResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _open++;
                MostAtOnce = Math.Max(MostAtOnce, _open);
            }

            _calls.Writer.TryWrite(((string)args![0]!, answer));
            return answer.Task;
        }
    }
}
