using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Installations;

public sealed class PersonSettingsRepositoryTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));
    private static readonly QuietHours Lunch = new(new TimeOnly(12, 0), new TimeOnly(13, 0));
    private readonly TestDatabase _db = new();
    private readonly PersonSettingsRepository _people;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public PersonSettingsRepositoryTests() => _people = new PersonSettingsRepository(_db.Connections, _db.Clock);

    [Fact]
    public async Task Quiet_hours_set_are_read_back_and_stored_without_hold_channels()
    {
        await _people.SetQuietHoursAsync(Acme, "U0ANA", Night, _ct);

        Assert.Equal(Night, await _people.GetQuietHoursAsync(Acme, "U0ANA", _ct));
        Assert.Equal("""{"start":"22:00","end":"07:00"}""", await StoredAsync("U0ANA"));
    }

    [Fact]
    public async Task Setting_again_replaces_and_null_clears()
    {
        await _people.SetQuietHoursAsync(Acme, "U0ANA", Night, _ct);
        await _people.SetQuietHoursAsync(Acme, "U0ANA", Lunch, _ct);
        Assert.Equal(Lunch, await _people.GetQuietHoursAsync(Acme, "U0ANA", _ct));

        await _people.SetQuietHoursAsync(Acme, "U0ANA", null, _ct);

        Assert.Null(await _people.GetQuietHoursAsync(Acme, "U0ANA", _ct));
        Assert.Null(await StoredAsync("U0ANA"));
        Assert.Empty(await _people.GetQuietHoursAsync(Acme, ["U0ANA"], _ct));
    }

    [Fact]
    public async Task A_person_who_set_nothing_has_no_quiet_hours()
    {
        Assert.Null(await _people.GetQuietHoursAsync(Acme, "U0NOBODY", _ct));
    }

    [Fact]
    public async Task Batch_read_answers_only_the_people_with_quiet_hours_in_that_workspace()
    {
        await _people.SetQuietHoursAsync(Acme, "U0ANA", Night, _ct);
        await _people.SetQuietHoursAsync(Acme, "U0BEN", Lunch, _ct);
        await _people.SetQuietHoursAsync(Acme, "U0CLEARED", Night, _ct);
        await _people.SetQuietHoursAsync(Acme, "U0CLEARED", null, _ct);
        await _people.SetQuietHoursAsync(Globex, "U0DORA", Night, _ct);
        await _people.SetQuietHoursAsync(Acme, "U0NOTASKED", Night, _ct);

        var found = await _people.GetQuietHoursAsync(Acme, ["U0ANA", "U0BEN", "U0CLEARED", "U0DORA", "U0NEVER", "U0ANA"], _ct);

        Assert.Equal(["U0ANA", "U0BEN"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Night, found["U0ANA"]);
        Assert.Equal(Lunch, found["U0BEN"]);
    }

    [Fact]
    public async Task Batch_read_of_nobody_asks_nothing()
    {
        Assert.Empty(await _people.GetQuietHoursAsync(Acme, [], _ct));
    }

    [Fact]
    public async Task Batch_read_of_more_people_than_one_query_holds_finds_them_all()
    {
        var everyone = Enumerable.Range(0, 1_203).Select(i => $"U{i:D5}").ToList();
        foreach (var userId in everyone.Where((_, i) => i % 100 == 0))
        {
            await _people.SetQuietHoursAsync(Acme, userId, Night, _ct);
        }

        var found = await _people.GetQuietHoursAsync(Acme, everyone, _ct);

        Assert.Equal(13, found.Count);
        Assert.Contains("U01200", found.Keys);
    }

    [Fact]
    public async Task Garbled_rows_read_as_no_quiet_hours()
    {
        await _people.SetQuietHoursAsync(Acme, "U0ANA", Night, _ct);
        await _people.SetQuietHoursAsync(Acme, "U0BEN", Night, _ct);
        await using (var connection = await _db.Connections.OpenAsync(_ct))
        {
            await connection.ExecuteAsync("UPDATE person_settings SET quiet_hours_json = '{\"start\":\"7 pm\"' WHERE user_id = 'U0ANA'");
        }

        Assert.Null(await _people.GetQuietHoursAsync(Acme, "U0ANA", _ct));
        Assert.Equal(["U0BEN"], (await _people.GetQuietHoursAsync(Acme, ["U0ANA", "U0BEN"], _ct)).Keys);
    }

    [Fact]
    public async Task Every_statement_parses_as_TSql()
    {
        var statements = new List<string>();
        var connections = new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements));
        var clock = new FakeTimeProvider();
        var people = new PersonSettingsRepository(connections, clock);
        var settings = new WorkspaceSettingsRepository(connections, new SecretProtector(new EphemeralDataProtectionProvider()), clock);

        await people.GetQuietHoursAsync(Acme, "U1", _ct);
        await people.GetQuietHoursAsync(Acme, ["U1", "U2", "U3"], _ct);
        await people.SetQuietHoursAsync(Acme, "U1", Night, _ct);
        await people.SetQuietHoursAsync(Acme, "U1", null, _ct);
        await settings.GetAsync(Acme, _ct);
        await settings.SaveAsync(Acme, new WorkspaceSettings { TimeZone = "Europe/Berlin", QuietHours = Night }, "U1", _ct);

        // The workspace's save reads what it replaces and records the change in the audit log: three statements.
        Assert.Equal(8, statements.Count);
        Assert.All(statements, sql => Assert.True(SqlServerStatements.ParseErrors(sql) is [], $"{sql}\n{string.Join("\n", SqlServerStatements.ParseErrors(sql))}"));
        Assert.All(statements, sql => Assert.Contains("team_id", sql, StringComparison.Ordinal));
    }

    private async Task<string?> StoredAsync(string userId)
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        return await connection.QuerySingleAsync<string?>("SELECT quiet_hours_json FROM person_settings WHERE team_id = 'T0ACME' AND user_id = @UserId", new { UserId = userId });
    }

    public void Dispose() => _db.Dispose();
}
