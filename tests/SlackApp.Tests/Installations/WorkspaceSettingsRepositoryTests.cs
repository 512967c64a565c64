using Dapper;
using SlackApp.Installations;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Installations;

public sealed class WorkspaceSettingsRepositoryTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private readonly TestDatabase _db = new();
    private readonly WorkspaceSettingsRepository _settings;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public WorkspaceSettingsRepositoryTests() => _settings = new WorkspaceSettingsRepository(_db.Connections, _db.Secrets, _db.Clock);

    [Fact]
    public async Task Signal_secret_is_generated_once_and_kept()
    {
        var first = await _settings.EnsureSignalSecretAsync(Acme, _ct);
        var second = await _settings.EnsureSignalSecretAsync(Acme, _ct);

        Assert.Equal(64, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Rotating_the_signal_secret_replaces_it_and_records_when()
    {
        var original = await _settings.EnsureSignalSecretAsync(Acme, _ct);
        _db.Clock.Advance(TimeSpan.FromDays(1));

        var rotated = await _settings.SetSignalSecretAsync(Acme, null, "U0ADMIN", _ct);

        Assert.NotEqual(original, rotated);
        Assert.Equal(rotated, await _settings.GetSignalSecretAsync(Acme, _ct));
        Assert.Equal(_db.Clock.GetUtcNow(), (await _settings.GetAsync(Acme, _ct)).SignalSecretRotatedAt);
    }

    [Fact]
    public async Task Settings_saved_are_read_back_and_keep_the_secret()
    {
        var secret = await _settings.EnsureSignalSecretAsync(Acme, _ct);

        await _settings.SaveAsync(Acme, "https://acme.lightning.force.com", "C0FALLBACK", "U0ADMIN", _ct);

        var read = await _settings.GetAsync(Acme, _ct);
        Assert.Equal("https://acme.lightning.force.com", read.SalesforceBaseUrl);
        Assert.Equal("C0FALLBACK", read.FallbackChannelId);
        Assert.Equal("U0ADMIN", read.UpdatedBy);
        Assert.Equal(secret, await _settings.GetSignalSecretAsync(Acme, _ct));
    }

    [Fact]
    public async Task Managers_list_is_replaced_not_appended()
    {
        await _settings.SetManagersAsync(Acme, ["U2", "U1"], "U0ADMIN", _ct);
        await _settings.SetManagersAsync(Acme, ["U3", "U1", "U3"], "U0ADMIN", _ct);

        Assert.Equal(["U1", "U3"], await _settings.ListManagersAsync(Acme, _ct));
    }

    [Fact]
    public async Task Time_zone_and_quiet_hours_saved_are_read_back_with_the_other_settings()
    {
        var secret = await _settings.EnsureSignalSecretAsync(Acme, _ct);
        var saved = new WorkspaceSettings
        {
            SalesforceBaseUrl = "https://acme.lightning.force.com",
            FallbackChannelId = "C0FALLBACK",
            TimeZone = "Europe/Berlin",
            QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)),
            QuietHoursHoldChannels = true,
        };

        await _settings.SaveAsync(Acme, saved, "U0ADMIN", _ct);

        var read = await _settings.GetAsync(Acme, _ct);
        Assert.Equal(saved with { SignalSecretRotatedAt = read.SignalSecretRotatedAt, UpdatedAt = _db.Clock.GetUtcNow(), UpdatedBy = "U0ADMIN" }, read);
        Assert.Equal("Europe/Berlin", read.ZoneOrUtc().Id);
        Assert.Equal(secret, await _settings.GetSignalSecretAsync(Acme, _ct));
        Assert.Equal("""{"start":"22:00","end":"07:00","holdChannels":true}""", await StoredQuietHoursAsync());
    }

    [Fact]
    public async Task Quiet_hours_turned_off_are_stored_as_null_and_the_time_zone_kept()
    {
        await _settings.SaveAsync(Acme, new WorkspaceSettings { TimeZone = "America/New_York", QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)) }, "U0ADMIN", _ct);

        await _settings.SaveAsync(Acme, new WorkspaceSettings { TimeZone = "America/New_York", QuietHoursHoldChannels = true }, "U0ADMIN", _ct);

        var read = await _settings.GetAsync(Acme, _ct);
        Assert.Null(read.QuietHours);
        Assert.False(read.QuietHoursHoldChannels);
        Assert.Equal("America/New_York", read.TimeZone);
        Assert.Null(await StoredQuietHoursAsync());
    }

    [Fact]
    public async Task Saving_only_the_salesforce_url_and_channel_keeps_time_zone_and_quiet_hours()
    {
        await _settings.SaveAsync(Acme, new WorkspaceSettings { TimeZone = "Europe/Berlin", QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)) }, "U0ADMIN", _ct);

        await _settings.SaveAsync(Acme, "https://acme.my.salesforce.com", null, "U0ADMIN", _ct);

        var read = await _settings.GetAsync(Acme, _ct);
        Assert.Equal("Europe/Berlin", read.TimeZone);
        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)), read.QuietHours);
    }

    [Fact]
    public async Task A_workspace_without_settings_has_no_quiet_hours_and_utc()
    {
        var read = await _settings.GetAsync(Acme, _ct);

        Assert.Null(read.TimeZone);
        Assert.Null(read.QuietHours);
        Assert.Same(TimeZoneInfo.Utc, read.ZoneOrUtc());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"start":"22:00"}""")]
    [InlineData("""{"start":"25:00","end":"07:00"}""")]
    [InlineData("""{"start":"22:00","end":"22:00","holdChannels":true}""")]
    [InlineData("""{"start":22,"end":7}""")]
    [InlineData("""{"start":"22:00","end":"07:00","holdChannels":"yes"}""")]
    public async Task Garbled_quiet_hours_read_as_off_and_never_break_the_settings(string stored)
    {
        await _settings.SaveAsync(Acme, "https://acme.my.salesforce.com", null, "U0ADMIN", _ct);
        await using (var connection = await _db.Connections.OpenAsync(_ct))
        {
            await connection.ExecuteAsync("UPDATE workspace_settings SET quiet_hours_json = @Stored, time_zone = 'Not/AZone' WHERE team_id = 'T0ACME'", new { Stored = stored });
        }

        var read = await _settings.GetAsync(Acme, _ct);

        Assert.Null(read.QuietHours);
        Assert.False(read.QuietHoursHoldChannels);
        Assert.Equal("https://acme.my.salesforce.com", read.SalesforceBaseUrl);
        Assert.Same(TimeZoneInfo.Utc, read.ZoneOrUtc());
    }

    [Fact]
    public async Task Settings_of_one_workspace_are_not_another_workspaces()
    {
        await _settings.SaveAsync(Acme, new WorkspaceSettings { TimeZone = "Europe/Berlin", QuietHours = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)) }, "U0ADMIN", _ct);

        var other = await _settings.GetAsync(new Workspace("T0OTHER"), _ct);

        Assert.Null(other.TimeZone);
        Assert.Null(other.QuietHours);
    }

    private async Task<string?> StoredQuietHoursAsync()
    {
        await using var connection = await _db.Connections.OpenAsync(_ct);
        return await connection.QuerySingleAsync<string?>("SELECT quiet_hours_json FROM workspace_settings WHERE team_id = 'T0ACME'");
    }

    public void Dispose() => _db.Dispose();
}
