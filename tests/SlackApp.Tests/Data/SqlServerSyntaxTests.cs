using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Workflows;

namespace SlackApp.Tests.Data;

/// <summary>
/// Every SQL Server script and every statement the repositories issue on SQL Server parses as T-SQL,
/// so a typo in the scale-out dialect is caught without a live server.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    public static TheoryData<string> ScriptNames() => [.. DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Migration_script_parses_as_TSql(string name)
    {
        var script = DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Single(s => s.Name == name);

        Assert.Empty(SqlServerStatements.ParseErrors(script.Contents));
    }

    [Fact]
    public void Every_dialect_has_the_same_migration_scripts()
    {
        static IEnumerable<string> FileNames(DatabaseProvider provider) =>
            DatabaseMigrator.Scripts(provider).Select(s => s.Name[(s.Name.LastIndexOf(".Data.", StringComparison.Ordinal) + 6)..].Split('.', 2)[1]);

        Assert.Equal(FileNames(DatabaseProvider.Sqlite), FileNames(DatabaseProvider.SqlServer));
    }

    [Fact]
    public async Task Every_repository_statement_parses_as_TSql()
    {
        var statements = await RecordAsync();

        Assert.NotEmpty(statements);
        Assert.All(statements, sql => Assert.True(SqlServerStatements.ParseErrors(sql) is [], $"{sql}\n{string.Join("\n", SqlServerStatements.ParseErrors(sql))}"));
    }

    [Fact]
    public void Migration_lock_statements_parse_as_TSql()
    {
        Assert.Empty(SqlServerStatements.ParseErrors(DatabaseMigrator.AcquireMigrationLock));
        Assert.Empty(SqlServerStatements.ParseErrors(DatabaseMigrator.ReleaseMigrationLock));
    }

    [Theory]
    [InlineData("signals", "signal_id")]
    [InlineData("oauth_states", "state")]
    public void Case_sensitive_ids_use_a_binary_collation_on_sql_server(string table, string column)
    {
        // SQL Server's default collations ignore case; SQLite compares text exactly. Ids from outside must not merge.
        var definition = DatabaseMigrator.Scripts(DatabaseProvider.SqlServer)
            .SelectMany(script => SqlServerStatements.ColumnDefinitions(script.Contents))
            .Single(c => c.Table == table && c.Column == column);

        Assert.EndsWith("_BIN2", definition.Collation, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_catches_a_broken_statement()
    {
        Assert.NotEmpty(SqlServerStatements.ParseErrors("SELECT * FROM installations WHERE LIMIT 5"));
    }

    /// <summary>Runs each repository method on the SQL Server dialect and collects what it sent.</summary>
    internal static async Task<IReadOnlyList<string>> RecordAsync()
    {
        var statements = new List<string>();
        var connections = new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements));
        var secrets = new SecretProtector(new EphemeralDataProtectionProvider());
        var clock = new FakeTimeProvider();
        var workspace = new Workspace("T1");
        var ct = CancellationToken.None;

        var installations = new InstallationStore(connections, secrets, clock);
        await installations.SaveAsync(new Installation { TeamId = "T1", BotUserId = "U1", BotToken = "xoxb-1" }, ct);
        await installations.FindAsync("E1", "T1", isEnterpriseInstall: false, ct);
        await installations.DeleteAsync(null, "T1", ct);
        await installations.GetStatusAsync(workspace, ct);

        var settings = new WorkspaceSettingsRepository(connections, secrets, clock);
        await settings.GetAsync(workspace, ct);
        await settings.SaveAsync(workspace, "https://acme.lightning.force.com", "C1", "U1", ct);
        await settings.GetSignalSecretAsync(workspace, ct);
        await settings.EnsureSignalSecretAsync(workspace, ct);
        await settings.SetSignalSecretAsync(workspace, null, "U1", ct);
        await settings.ListManagersAsync(workspace, ct);
        await settings.SetManagersAsync(workspace, ["U2"], "U0ADMIN", ct);

        await new OAuthStateRepository(connections, clock).TryConsumeAsync("state-1", clock.GetUtcNow(), ct);
        var events = new DatabaseEventDeduplicator(connections, Microsoft.Extensions.Options.Options.Create(new SlackApp.Slack.Routing.SlackRoutingOptions()), clock);
        await events.TryRegisterAsync("Ev1", ct);
        await events.ForgetAsync("Ev1", ct);

        var workflows = new WorkflowRepository(connections, clock);
        var draft = Workflows.WorkflowRepositoryTests.Draft();
        await workflows.ListAsync(workspace, ct);
        await workflows.ListPageAsync(workspace, 0, 10, ct);
        await workflows.GetAsync(workspace, 1, ct);
        await workflows.FindByNameAsync(workspace, "Execs", ct);
        await workflows.CreateAsync(workspace, draft, "U1", ct);
        await workflows.UpdateAsync(workspace, draft with { Id = 1 }, "U1", ct);
        await workflows.SetEnabledAsync(workspace, 1, enabled: false, "U1", ct);
        await workflows.DeleteAsync(workspace, 1, "U1", ct);
        await workflows.ApplyAsync(workspace, [new WorkflowWrite.Create(draft), new WorkflowWrite.Update(draft with { Id = 1 }), new WorkflowWrite.Delete(1)], new SlackApp.Audit.AuditActor("U1", "ci"), ct);

        var keys = new SlackApp.ApiKeys.ApiKeyRepository(connections, clock);
        var key = await keys.CreateAsync(workspace, "ci", "U1", ct);
        await keys.ListAsync(workspace, ct);
        await keys.FindAsync(key.Plaintext, ct);
        await keys.TouchAsync(key.Key, ct);
        await keys.RevokeAsync(workspace, 1, "U1", ct);
        await new SlackApp.AdminApi.DeliveryHistory(connections).PageAsync(workspace, before: 100, workflowId: 1, limit: 50, ct);

        // Entries are written by the repositories above; the page read is the log's own.
        await new SlackApp.Audit.AuditLog(connections).ListPageAsync("T1", 20, 20, ct);

        var signals = new SignalRepository(connections, clock);
        await signals.AddAsync(workspace, [Signals.SignalRepositoryTests.Incoming("sig_1"), Signals.SignalRepositoryTests.Incoming("sig_2")], ct);
        await signals.ClaimAsync("worker-1", 50, TimeSpan.FromMinutes(2), ct);
        await signals.EarliestDueAsync(ct);
        await using (var connection = await connections.OpenAsync(ct))
        {
            await SignalRepository.ReadClaimedAsync(connection, [1, 2], "worker-1", ct);
        }

        await signals.MarkMatchedAsync(workspace, 1, 2, ct);
        await signals.RecordFailureAsync(workspace, 1, clock.GetUtcNow(), "boom", ct);

        var outbox = new SlackApp.Notifications.NotificationOutbox(connections, clock);
        var planned = new SlackApp.Notifications.PlannedDelivery(SlackApp.Notifications.RecipientKind.Channel, "C1", [], []);
        var plan = new SlackApp.Notifications.RecipientPlan(
            [planned, planned with { Kind = SlackApp.Notifications.RecipientKind.Role, RecipientId = "owner", UndeliverableReason = "nobody" }],
            new SlackApp.Notifications.AccountPeople("U1"));
        await outbox.AddAsync([new SlackApp.Notifications.PlannedSignal(workspace, 1, plan)], ct);
        await outbox.AddTestAsync(workspace, "U1", "[]", "{}", SlackApp.Notifications.AccountPeople.None, ct);
        await outbox.ClaimAsync("worker-1", 50, TimeSpan.FromMinutes(2), ct);
        await using (var connection = await connections.OpenAsync(ct))
        {
            await SlackApp.Notifications.NotificationOutbox.ReadClaimedAsync(connection, [1, 2], "worker-1", ct);
        }

        await outbox.EarliestDueAsync(ct);
        await outbox.DepthAsync(ct);
        await new SlackApp.Operations.DatabaseHealthCheck(connections).CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext(), ct);
        await outbox.MarkSendingAsync(workspace, 1, "worker-1", TimeSpan.FromMinutes(2), ct);
        await outbox.MarkSentAsync(workspace, 1, "C1", "1700000000.000100", ct);
        await outbox.RescheduleAsync(workspace, 1, clock.GetUtcNow(), refundAttempt: true, "ratelimited", "held", ct);
        await outbox.PutBackAsync([new SlackApp.Notifications.PacedDelivery(workspace.TeamId, 1, clock.GetUtcNow())], "worker-1", ct);
        await outbox.MarkFailedAsync(workspace, 1, "channel_not_found", "gone", ct);
        await outbox.CancelWaitingAsync(workspace, "app_uninstalled", "app uninstalled", ct);
        await outbox.GetAsync(workspace, 1, ct);
        await outbox.TryAcknowledgeAsync(workspace, 1, "U1", ct);
        await outbox.RecordClickAsync(workspace, 1, "notification.open_salesforce", "U1", ct);
        await outbox.ListRecentAsync(workspace, 10, ct);
        await outbox.ListRecentFailuresAsync(workspace, 5, ct);

        // Follow-through: a signal's state on every copy, claims, not relevant, mutes, snoozes, escalations.
        var copy = new SlackApp.Notifications.OutboxDelivery { Id = 1, TeamId = "T1", SignalRowId = 1 };
        await outbox.AcknowledgeCopiesAsync(workspace, 1, "U1", ct);
        await outbox.TryClaimAsync(workspace, 1, "U1", ct);
        await outbox.ClaimerAsync(workspace, 1, ct);
        await outbox.ReleaseAsync(workspace, 1, "U1", ct);
        await outbox.SentCopiesAsync(workspace, [1, 2], ct);
        await outbox.TryMarkNotRelevantAsync(workspace, 1, "U1", "other", ct);
        await outbox.MuteAccountAsync(workspace, "U1", "ABCDEF", "Acme", ct);
        await outbox.SnoozeAsync(workspace, copy, "U1", clock.GetUtcNow().AddDays(1), ct);
        await outbox.DueForEscalationAsync(workspace, 1, clock.GetUtcNow().AddDays(-7), clock.GetUtcNow(), 10, ct);
        await outbox.TryEscalateAsync(workspace, copy, [(SlackApp.Notifications.RecipientKind.User, "U2")], "Escalated", ct);

        var mappings = new SlackApp.OwnerMappings.OwnerMappingRepository(connections, clock);
        await mappings.SaveAsync(workspace, "ann@acme.example", "U2", "U1", ct);
        await mappings.FindAsync(workspace, "ann@acme.example", ct);
        await mappings.RemoveAsync(workspace, 1, "U1", ct);
        await mappings.CountAsync(workspace, ct);
        await mappings.ListLatestAsync(workspace, 10, ct);
        await mappings.TopUnmatchedAsync(workspace, 10, ct);
        await mappings.GetUnmatchedAsync(workspace, 1, ct);

        var history = new SlackApp.Notifications.NotificationHistory(connections);
        await history.ListChannelsAsync(workspace, ct);
        await history.ListRecentAsync(workspace, SlackApp.Notifications.NotificationReader.Everyone, 10, ct);
        await history.ListRecentAsync(workspace, new SlackApp.Notifications.NotificationReader("U1", ["C1", "C2"]), 10, ct);
        await history.ListRecentAsync(workspace, new SlackApp.Notifications.NotificationReader("U1", []), 10, ct);

        return statements;
    }
}
