using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Signals;

/// <summary>Old signals purged on a fake clock: recent ones kept, and old ones still needed (pending, items waiting) too.</summary>
public sealed class SignalRetentionTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");

    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly SignalRepository _signals;

    public SignalRetentionTests() => _signals = new SignalRepository(_db.Connections, _db.Clock);

    private SignalRetentionWorker Worker(TimeProvider? clock = null, int batchSize = 500) => new(
        new SignalPurge(_db.Connections),
        clock ?? _db.Clock,
        Options.Create(new SignalRetentionOptions { RetentionDays = 90, PurgeBatchSize = batchSize }),
        NullLogger<SignalRetentionWorker>.Instance);

    // Stored now (on the test clock) and, unless kept pending, matched.
    private async Task<long> StoreAsync(string id, Workspace? workspace = null, bool matched = true)
    {
        var where = workspace ?? Acme;
        await _signals.AddAsync(where, [SignalRepositoryTests.Incoming(id)], _ct);
        await using var connection = await _db.Connections.OpenAsync(_ct);
        var rowId = await connection.ExecuteScalarAsync<long>("SELECT id FROM signals WHERE team_id = @TeamId AND signal_id = @Id", new { where.TeamId, Id = id });
        if (matched)
        {
            await _signals.MarkMatchedAsync(where, rowId, 1, _ct);
        }

        return rowId;
    }

    private async Task AddItemAsync(long signalRowId, string status)
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        var now = _db.Clock.GetUtcNow();
        await connection.ExecuteAsync(
            """
            INSERT INTO notification_deliveries (team_id, signal_row_id, recipient_kind, recipient_id, matches_json, status, next_attempt_at, created_at, updated_at)
            VALUES (@TeamId, @SignalRowId, 'channel', @RecipientId, '[]', @Status, @Now, @Now, @Now)
            """,
            new { Acme.TeamId, SignalRowId = signalRowId, RecipientId = "C" + status, Status = status, Now = now });
    }

    private async Task SetItemsAsync(long signalRowId, string status)
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        await connection.ExecuteAsync("UPDATE notification_deliveries SET status = @Status WHERE signal_row_id = @SignalRowId", new { Status = status, SignalRowId = signalRowId });
    }

    private async Task<IReadOnlyList<string>> RemainingAsync()
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        return (await connection.QueryAsync<string>("SELECT signal_id FROM signals ORDER BY id")).AsList();
    }

    [Fact]
    public async Task Deletes_signals_older_than_the_retention_of_every_workspace_and_keeps_recent_ones()
    {
        await StoreAsync("sig_old");
        await StoreAsync("sig_old_globex", Globex);
        _db.Clock.Advance(TimeSpan.FromDays(60));
        await StoreAsync("sig_recent");
        _db.Clock.Advance(TimeSpan.FromDays(31));

        var purged = await Worker().PurgeOnceAsync(_ct);

        Assert.Equal(2, purged);
        Assert.Equal(["sig_recent"], await RemainingAsync());
    }

    [Fact]
    public async Task Keeps_an_old_signal_that_is_still_pending()
    {
        await StoreAsync("sig_pending", matched: false);
        _db.Clock.Advance(TimeSpan.FromDays(91));

        Assert.Equal(0, await Worker().PurgeOnceAsync(_ct));
        Assert.Equal(["sig_pending"], await RemainingAsync());
    }

    [Fact]
    public async Task Keeps_an_old_signal_while_an_item_about_it_waits_and_purges_it_once_sent_keeping_the_item()
    {
        var held = await StoreAsync("sig_held");
        await AddItemAsync(held, "held");
        await AddItemAsync(held, "sent");
        var done = await StoreAsync("sig_done");
        await AddItemAsync(done, "suppressed");
        await AddItemAsync(done, "undeliverable");
        _db.Clock.Advance(TimeSpan.FromDays(91));

        await Worker().PurgeOnceAsync(_ct);
        Assert.Equal(["sig_held"], await RemainingAsync());

        await SetItemsAsync(held, "sent");
        await Worker().PurgeOnceAsync(_ct);

        Assert.Empty(await RemainingAsync());
        await using var connection = await _db.Connections.OpenAsync(_ct);
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notification_deliveries"));
    }

    [Fact]
    public async Task Purges_batch_after_batch_until_none_is_left()
    {
        for (var i = 0; i < 5; i++)
        {
            await StoreAsync($"sig_{i}");
        }

        _db.Clock.Advance(TimeSpan.FromDays(91));

        Assert.Equal(5, await Worker(batchSize: 2).PurgeOnceAsync(_ct));
        Assert.Empty(await RemainingAsync());
    }

    [Fact]
    public async Task The_worker_purges_once_each_interval_has_passed_on_its_clock()
    {
        var clock = new TimerWatchingClock(_db.Clock.GetUtcNow());
        var signals = new SignalRepository(_db.Connections, clock);
        await signals.AddAsync(Acme, [SignalRepositoryTests.Incoming("sig_old")], _ct);
        await signals.MarkMatchedAsync(Acme, 1, 1, _ct);
        clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(30));
        using var worker = Worker(clock);

        await worker.StartAsync(_ct);
        Assert.Equal(TimeSpan.FromHours(1), await clock.NextTimerAsync(_ct));
        Assert.Equal(["sig_old"], await RemainingAsync());

        // An hour on, the signal is 90 days and 30 minutes old: the pass deletes it, then the worker sleeps again.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1), await clock.NextTimerAsync(_ct));
        Assert.Empty(await RemainingAsync());
        await worker.StopAsync(_ct);
    }

    [Theory]
    [InlineData("30", false)]
    [InlineData("31", true)]
    [InlineData(null, true)]
    public void Retention_shorter_than_the_preview_window_is_refused(string? days, bool valid)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(days is null ? [] : [new KeyValuePair<string, string?>("Signals:RetentionDays", days)])
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSignals().BuildServiceProvider();

        var read = () => services.GetRequiredService<IOptions<SignalRetentionOptions>>().Value;

        if (valid)
        {
            Assert.Equal(days is null ? 90 : 31, read().RetentionDays);
        }
        else
        {
            Assert.Contains("at least 31", Assert.Throws<OptionsValidationException>(read).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_purge_statements_parse_as_TSql()
    {
        // Dapper expands "IN @Ids" into a parameter list before SQL Server sees it.
        var delete = SignalPurge.DeleteSql.Replace("IN @Ids", "IN (@Ids1, @Ids2)", StringComparison.Ordinal);

        Assert.Empty(SqlServerStatements.ParseErrors(SignalPurge.SelectSql(new SqlServerDialect())));
        Assert.Empty(SqlServerStatements.ParseErrors(delete));
    }

    public void Dispose() => _db.Dispose();
}
