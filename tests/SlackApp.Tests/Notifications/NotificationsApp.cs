using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>
/// The whole app on a fake clock and a fake Slack, with the Acme workspace installed: signals in through
/// <c>POST /signals</c>, notifications out to <see cref="FakeSlack"/>, clicks back through <c>/slack/events</c>.
/// </summary>
public sealed class NotificationsApp : IAsyncDisposable
{
    public const string TeamId = "T0ACME";
    public static readonly Workspace Acme = new(TeamId);

    // A real Slack call never takes this long in-process; only a broken flow does.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private string? _secret;

    /// <param name="databaseFolder">Reuse another instance's database and keys (a restart).</param>
    /// <param name="start">The fake clock's start.</param>
    /// <param name="hostedDelivery">False: the delivery and escalation workers do not run by themselves; tests drive every pass.</param>
    /// <param name="hostedMatching">False: the matching worker does not run by itself either (woken by the intake); tests drive every pass.</param>
    /// <param name="settings">Configuration keys set as a deployment would.</param>
    /// <param name="transport">How Slack's requests (clicks) reach the app.</param>
    public NotificationsApp(string? databaseFolder = null, DateTimeOffset? start = null, bool hostedDelivery = true, bool hostedMatching = true, SlackTransport transport = SlackTransport.Http, params (string Key, string Value)[] settings)
    {
        Clock = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        Factory = new SlackAppFactory(transport: transport)
            .With("Slack:WebApi:MaxRetryAttempts", "0")
            .WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        if (!hostedDelivery)
        {
            Factory.WithServices(services => RemoveHosted(services, typeof(NotificationDeliveryWorker), typeof(EscalationWorker)));
        }

        if (!hostedMatching)
        {
            Factory.WithServices(services => RemoveHosted(services, typeof(SignalMatchingWorker)));
        }
        if (databaseFolder is not null)
        {
            Factory
                .With("Database:ConnectionString", $"Data Source={Path.Combine(databaseFolder, "slackapp.db")}")
                .With("DataProtection:KeysPath", Path.Combine(databaseFolder, "keys"));
        }

        foreach (var (key, value) in settings)
        {
            Factory.With(key, value);
        }

        Client = Factory.CreateSlackClient();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The database as the app sees it, for setting up faults and reading rows.</summary>
    public DbConnectionFactory Connections => Service<DbConnectionFactory>();

    public SlackAppFactory Factory { get; }

    public HttpClient Client { get; }

    public FakeSlack Slack => Factory.Slack;

    public NotificationDeliveryWorker Worker => Service<NotificationDeliveryWorker>();

    public NotificationOutbox Outbox => Service<NotificationOutbox>();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public T Service<T>()
        where T : notnull => Factory.Service<T>();

    public async Task InstallAsync(string? salesforceBaseUrl = "https://acme.lightning.force.com", string? fallbackChannelId = null)
    {
        await Service<IInstallationStore>().SaveAsync(
            new Installation { TeamId = TeamId, BotUserId = "U0BOT", BotToken = FakeSlack.BotToken, InstallerUserId = "U0ADMIN", InstalledAt = Clock.GetUtcNow() }, Ct);
        var settings = Service<WorkspaceSettingsRepository>();
        _secret = await settings.EnsureSignalSecretAsync(Acme, Ct);
        await settings.SaveAsync(Acme, salesforceBaseUrl, fallbackChannelId, "U0ADMIN", Ct);
    }

    public async Task<Workflow> WorkflowAsync(string name, WorkflowRecipients recipients, string? fallbackChannelId = null, WorkflowFilters? filters = null, WorkflowDelivery? delivery = null)
    {
        var draft = new Workflow
        {
            TeamId = TeamId,
            Name = name,
            SignalTypes = [SignalType.NewHire, SignalType.Promotion],
            Filters = filters ?? new WorkflowFilters { MinimumSeniority = Seniority.Director, AccountStatuses = [AccountStatus.ClosedLost] },
            Recipients = recipients,
            FallbackChannelId = fallbackChannelId,
            Delivery = delivery ?? WorkflowDelivery.Default,
        };
        return (await Service<WorkflowRepository>().CreateAsync(Acme, draft, "U0ADMIN", Ct)).Workflow!;
    }

    /// <summary>Posts signals as a signal source does, signed with the workspace's secret at the app's clock.</summary>
    public Task<HttpResponseMessage> PostSignalsAsync(JsonNode body, long? signedAt = null, bool withSignature = true)
    {
        var bytes = body.Utf8();
        var request = SignalIntakeApp.Request(TeamId, bytes);
        if (withSignature)
        {
            var timestamp = signedAt ?? Clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(SignalSignatureVerifier.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(_secret!, timestamp, bytes));
        }

        return Client.SendAsync(request, Ct);
    }

    /// <summary>Waits (on real signals, not sleeps) for a chat.postMessage to <paramref name="channel"/>.</summary>
    public Task<SlackCall> PostedToAsync(string channel) =>
        Slack.WaitForAsync("chat.postMessage", c => c.Field("channel") == channel).WaitAsync(Patience, Ct);

    /// <summary>Runs a delivery pass; passes never overlap, so when it returns any pass running before it is done too.</summary>
    public Task<DeliveryPass> DeliverAsync() => Worker.RunOnceAsync(Ct);

    /// <summary>Sends a click on a notification's button the way Slack posts it, and waits for the work after the ack.</summary>
    public Task<HttpResponseMessage> ClickAsync(string actionId, string value, string channel, string ts, string userId) =>
        InteractAsync(BlockActions(actionId, value, channel, ts, userId));

    /// <summary>
    /// Sends an interaction payload signed at the app's clock (Slack's five-minute replay window is checked against
    /// it, and it may be a fake clock far from now), and waits for the work after the ack.
    /// </summary>
    public async Task<HttpResponseMessage> InteractAsync(JsonObject payload)
    {
        var response = await Client.SendAsync(SlackRequests.Interaction(payload, Clock.GetUtcNow()), Ct);
        await Service<ISlackBackgroundWork>().WhenIdleAsync(Ct);
        return response;
    }

    public async Task<IReadOnlyList<OutboxDelivery>> DeliveriesAsync(int limit = 20) =>
        [.. (await Outbox.ListRecentAsync(Acme, limit, Ct)).OrderBy(d => d.Id)];

    public async Task<int> CountAsync(string sql)
    {
        await using var connection = await Service<DbConnectionFactory>().OpenAsync(Ct);
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    public IReadOnlyList<SlackCall> Posts(string? channel = null) =>
        [.. Slack.CallsTo("chat.postMessage").Where(c => channel is null || c.Field("channel") == channel)];

    /// <summary>Every string in the message's blocks, one per line, as Slack would read them (no JSON escaping).</summary>
    public static string BlockText(SlackCall call)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    texts.Add(text);
                    break;
            }
        }

        Walk(call.Body["blocks"]);
        return string.Join('\n', texts);
    }

    /// <summary>A block_actions payload for a button in a message, shaped like Slack's (see the interactivity fixtures).</summary>
    public static JsonObject BlockActions(string actionId, string value, string channel, string ts, string userId) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = TeamId },
        ["api_app_id"] = "A0KRD7HC3",
        ["token"] = "Shh_its_a_seekrit",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = "12466734323.1395872398.5bc5ac6e5d0ac5c2bb2d2e2e4d5f9d0a",
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "acme" },
        ["enterprise"] = null,
        ["is_enterprise_install"] = false,
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "deals" },
        ["message"] = new JsonObject
        {
            ["type"] = "message",
            ["subtype"] = "bot_message",
            ["text"] = "New executive at Acme Corp",
            ["ts"] = ts,
            ["bot_id"] = "B0BOT",
            ["blocks"] = new JsonArray(),
        },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = "https://hooks.slack.test/actions/T0ACME/1700000000/abcdef",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = NotificationActions.ActionsBlockId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge", ["emoji"] = true },
            ["value"] = value,
            ["style"] = "primary",
            ["action_ts"] = "1700000100.000200",
        }),
    };

    /// <summary>A delivery worker with its own lease owner and pacer, as another instance of the app would run.</summary>
    public DeliveryInstance NewInstance()
    {
        var pacer = ActivatorUtilities.CreateInstance<DeliveryPacer>(Factory.Services);
        return new DeliveryInstance(ActivatorUtilities.CreateInstance<NotificationDeliveryWorker>(Factory.Services, pacer));
    }

    /// <summary>Runs a statement against the app's database (faults, corrupted rows).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Connections.OpenAsync(Ct);
        await connection.ExecuteAsync(sql);
    }

    // The hosted service registered for a worker is the one whose factory returns it.
    private static void RemoveHosted(IServiceCollection services, params Type[] workers)
    {
        foreach (var worker in workers)
        {
            var hosted = services
                .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == worker)
                .ToList();
            if (hosted.Count != 1)
            {
                throw new InvalidOperationException($"Expected one hosted {worker.Name}, found {hosted.Count}.");
            }

            services.Remove(hosted[0]);
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The delivery side of one more instance of the app.</summary>
    public sealed class DeliveryInstance(NotificationDeliveryWorker worker) : IDisposable
    {
        public Task<DeliveryPass> RunOnceAsync() => worker.RunOnceAsync(Ct);

        public void Dispose() => worker.Dispose();
    }
}
