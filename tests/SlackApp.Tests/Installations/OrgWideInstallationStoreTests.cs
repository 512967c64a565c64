using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Installations;

/// <summary>
/// An org-wide (Enterprise Grid) installation is stored under its enterprise alone; its workspaces, which signals and
/// queued notifications name by team id only, reach it through the team -> enterprise link.
/// </summary>
public sealed class OrgWideInstallationStoreTests : IDisposable
{
    private const string Org = "E0ORG";
    private const string OrgToken = "xoxb-org-wide-token";
    private readonly TestDatabase _db = new();
    private readonly InstallationStore _store;
    private readonly WorkspaceSettingsRepository _settings;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public OrgWideInstallationStoreTests()
    {
        _store = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock);
        _settings = new WorkspaceSettingsRepository(_db.Connections, _db.Secrets, _db.Clock);
    }

    private static Installation OrgWide(string enterpriseId = Org, string token = OrgToken) => new()
    {
        EnterpriseId = enterpriseId,
        EnterpriseName = "Acme Grid",
        IsEnterpriseInstall = true,
        AppId = "A0APP",
        BotUserId = "U0ORGBOT",
        BotToken = token,
        InstallerUserId = "W0ADMIN",
        InstalledAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task A_linked_workspace_finds_the_orgs_token_and_counts_as_installed_by_its_team_id_alone()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.LinkAsync(Org, [new("T0SALES", "Sales"), new("T0CS", "Customer Success")], _ct);

        var found = await _store.FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct);

        Assert.Equal(OrgToken, found?.BotToken);
        Assert.True(await _store.IsInstalledAsync(new Workspace("T0CS"), _ct));
        var status = await _store.GetStatusAsync(new Workspace("T0SALES"), _ct);
        Assert.Equal("T0SALES", status?.TeamId);
        Assert.Equal(Org, status?.EnterpriseId);
        Assert.Equal("Sales", status?.TeamName);
        Assert.True(status?.IsOrgWide);
        Assert.Equal(new Workspace("T0SALES", Org), status?.Workspace);
    }

    [Fact]
    public async Task A_workspace_never_linked_to_the_org_finds_nothing()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.LinkAsync(Org, [new("T0SALES", null)], _ct);

        Assert.Null(await _store.FindAsync(null, "T0ELSEWHERE", isEnterpriseInstall: false, _ct));
        Assert.False(await _store.IsInstalledAsync(new Workspace("T0ELSEWHERE"), _ct));
        Assert.Null(await _store.GetStatusAsync(new Workspace("T0ELSEWHERE"), _ct));
    }

    [Fact]
    public async Task A_workspace_linked_to_another_org_does_not_get_this_orgs_token()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.SaveAsync(OrgWide("E0OTHER", "xoxb-other-org"), _ct);
        await _store.LinkAsync("E0OTHER", [new("T0THEIRS", null)], _ct);

        Assert.Equal("xoxb-other-org", (await _store.FindAsync(null, "T0THEIRS", isEnterpriseInstall: false, _ct))?.BotToken);
    }

    [Fact]
    public async Task A_verified_request_from_a_workspace_of_the_org_links_it_with_its_own_signal_secret()
    {
        await _store.SaveAsync(OrgWide(), _ct);

        // The routing's lookup for a request Slack signed: team and enterprise come from the payload.
        var forRequest = await _store.FindAsync(Org, "T0NEW", isEnterpriseInstall: true, _ct);
        await _store.FindAsync(Org, "T0OTHER", isEnterpriseInstall: false, _ct);

        Assert.Equal(OrgToken, forRequest?.BotToken);
        Assert.Equal(OrgToken, (await _store.FindAsync(null, "T0NEW", isEnterpriseInstall: false, _ct))?.BotToken);
        var secret = await _settings.GetSignalSecretAsync(new Workspace("T0NEW"), _ct);
        var otherSecret = await _settings.GetSignalSecretAsync(new Workspace("T0OTHER"), _ct);
        Assert.NotNull(secret);
        Assert.NotNull(otherSecret);
        Assert.NotEqual(secret, otherSecret);
    }

    [Fact]
    public async Task An_org_level_request_naming_the_enterprise_where_the_team_goes_links_no_workspace()
    {
        await _store.SaveAsync(OrgWide(), _ct);

        await _store.FindAsync(Org, Org, isEnterpriseInstall: true, _ct);

        Assert.Empty(await _store.ListLinkedAsync(Org, _ct));
        Assert.Null(await _settings.GetSignalSecretAsync(new Workspace(Org), _ct));
    }

    [Fact]
    public async Task Linking_again_keeps_the_workspaces_secret_settings_and_name()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.LinkAsync(Org, [new("T0SALES", "Sales")], _ct);
        var secret = await _settings.GetSignalSecretAsync(new Workspace("T0SALES"), _ct);
        await _settings.SaveAsync(new Workspace("T0SALES", Org), "https://acme.lightning.force.com", "C0DEALS", "W0ADMIN", _ct);

        await _store.LinkAsync(Org, [new("T0SALES", null)], _ct);
        await _store.FindAsync(Org, "T0SALES", isEnterpriseInstall: true, _ct);

        Assert.Equal(secret, await _settings.GetSignalSecretAsync(new Workspace("T0SALES"), _ct));
        Assert.Equal("C0DEALS", (await _settings.GetAsync(new Workspace("T0SALES"), _ct)).FallbackChannelId);
        Assert.Equal("Sales", (await _store.GetStatusAsync(new Workspace("T0SALES"), _ct))?.TeamName);
    }

    [Fact]
    public async Task Uninstalling_the_org_stops_every_linked_workspace()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.LinkAsync(Org, [new("T0SALES", null), new("T0CS", null)], _ct);
        _db.Clock.Advance(TimeSpan.FromHours(1));

        await _store.DeleteAsync(Org, null, _ct);

        foreach (var team in new[] { "T0SALES", "T0CS" })
        {
            Assert.Null(await _store.FindAsync(null, team, isEnterpriseInstall: false, _ct));
            Assert.Null(await _store.FindAsync(Org, team, isEnterpriseInstall: true, _ct));
            Assert.False(await _store.IsInstalledAsync(new Workspace(team), _ct));
            Assert.Equal(_db.Clock.GetUtcNow(), (await _store.GetStatusAsync(new Workspace(team), _ct))?.UninstalledAt);
        }
    }

    [Fact]
    public async Task Reinstalling_the_org_brings_its_linked_workspaces_back()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.LinkAsync(Org, [new("T0SALES", null)], _ct);
        await _store.DeleteAsync(Org, null, _ct);

        await _store.SaveAsync(OrgWide(token: "xoxb-org-reinstalled"), _ct);

        Assert.Equal("xoxb-org-reinstalled", (await _store.FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct))?.BotToken);
    }

    [Fact]
    public async Task A_workspace_removed_from_the_org_install_no_longer_finds_it()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.LinkAsync(Org, [new("T0SALES", null), new("T0CS", null)], _ct);

        await _store.UnlinkAsync(Org, ["T0SALES"], _ct);

        Assert.Null(await _store.FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct));
        Assert.False(await _store.IsInstalledAsync(new Workspace("T0SALES"), _ct));
        Assert.True(await _store.IsInstalledAsync(new Workspace("T0CS"), _ct));
        Assert.Equal(["T0CS"], (await _store.ListLinkedAsync(Org, _ct)).Select(t => t.TeamId));
    }

    [Fact]
    public async Task A_workspace_with_its_own_installation_uses_it_rather_than_the_orgs()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.SaveAsync(new Installation { EnterpriseId = Org, TeamId = "T0SALES", BotUserId = "U0BOT", BotToken = "xoxb-own" }, _ct);
        await _store.LinkAsync(Org, [new("T0SALES", null)], _ct);

        Assert.Equal("xoxb-own", (await _store.FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct))?.BotToken);
        Assert.False((await _store.GetStatusAsync(new Workspace("T0SALES"), _ct))?.IsOrgWide);
    }

    [Fact]
    public async Task A_workspace_whose_own_installation_was_removed_falls_back_to_the_live_org_wide_one()
    {
        await _store.SaveAsync(OrgWide(), _ct);
        await _store.SaveAsync(new Installation { EnterpriseId = Org, TeamId = "T0SALES", BotUserId = "U0BOT", BotToken = "xoxb-own" }, _ct);
        await _store.LinkAsync(Org, [new("T0SALES", null)], _ct);

        await _store.DeleteAsync(Org, "T0SALES", _ct);

        Assert.Equal(OrgToken, (await _store.FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct))?.BotToken);
        Assert.True(await _store.IsInstalledAsync(new Workspace("T0SALES"), _ct));
    }

    [Fact]
    public async Task A_standalone_workspace_reports_no_enterprise()
    {
        await _store.SaveAsync(new Installation { TeamId = "T0ACME", BotUserId = "U0BOT", BotToken = "xoxb-acme" }, _ct);

        var status = await _store.GetStatusAsync(new Workspace("T0ACME"), _ct);

        Assert.Null(status?.EnterpriseId);
        Assert.False(status?.IsOrgWide);
        Assert.Equal(new Workspace("T0ACME"), status?.Workspace);
    }

    [Fact]
    public async Task Every_org_wide_statement_parses_as_TSql()
    {
        var statements = new List<string>();
        var connections = new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements));
        var store = new InstallationStore(connections, new SecretProtector(new EphemeralDataProtectionProvider()), new FakeTimeProvider());

        await store.FindAsync(null, "T1", isEnterpriseInstall: false, _ct);
        await store.FindAsync("E1", "T1", isEnterpriseInstall: true, _ct);
        await store.GetStatusAsync(new Workspace("T1", "E1"), _ct);
        await store.LinkAsync("E1", [new("T1", "Sales"), new("T2", null)], _ct);
        await store.UnlinkAsync("E1", ["T1"], _ct);
        await store.ListLinkedAsync("E1", _ct);

        Assert.Contains(statements, sql => sql.Contains("enterprise_teams", StringComparison.Ordinal));
        Assert.All(statements, sql => Assert.True(SqlServerStatements.ParseErrors(sql) is [], $"{sql}\n{string.Join("\n", SqlServerStatements.ParseErrors(sql))}"));
    }

    public void Dispose() => _db.Dispose();
}
