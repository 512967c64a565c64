using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Notifications;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Operations;

/// <summary>Logs at every level, with their scopes, through a whole flow: no secret ever appears in them.</summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task No_token_signing_secret_client_secret_or_signal_secret_appears_in_any_log_line_or_scope()
    {
        var logs = new CapturedLogs();
        await using var app = new NotificationsApp(hostedDelivery: false, settings: ("Logging:LogLevel:Default", "Trace"));
        app.Service<ILoggerFactory>().AddProvider(logs);
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        var signalSecret = await app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(NotificationsApp.Acme, NotificationsApp.Ct);

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_bad"), withSignature: false);
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
        await app.DeliverAsync();
        var delivery = Assert.Single(await app.DeliveriesAsync());
        await app.ClickAsync(NotificationActions.Acknowledge, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "C0DEALS", delivery.SlackTs!, "U0AE");

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("T0ACME", StringComparison.Ordinal));
        foreach (var secret in new[] { FakeSlack.BotToken, SlackAppFactory.SigningSecret, SlackAppFactory.ClientSecret, signalSecret! })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => logs._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new List<string> { category, formatter(state, exception), exception?.ToString() ?? string.Empty };
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    line.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
                }

                logs._scopes.ForEachScope((scope, text) => text.Add($"scope: {scope}"), line);
                logs._lines.Enqueue(string.Join(" | ", line));
            }
        }
    }
}
