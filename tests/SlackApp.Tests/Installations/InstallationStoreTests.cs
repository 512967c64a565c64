using System.Text;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.Tests.Data;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Installations;

public sealed class InstallationStoreTests : IDisposable
{
    private const string Token = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    private readonly TestDatabase _db = new();
    private readonly InstallationStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public InstallationStoreTests() => _store = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock);

    private static Installation Acme(string token = Token) => new()
    {
        TeamId = "T0ACME",
        TeamName = "Acme",
        AppId = "A0APP",
        BotUserId = "U0BOT",
        BotId = "B0BOT",
        BotToken = token,
        BotScopes = ["commands", "chat:write"],
        InstallerUserId = "U0ADMIN",
        InstalledAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Saved_installation_is_found_with_its_token_and_scopes()
    {
        await _store.SaveAsync(Acme(), _ct);

        var found = await _store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);

        Assert.NotNull(found);
        Assert.Equal(Token, found.BotToken);
        Assert.Equal(["commands", "chat:write"], found.BotScopes);
        Assert.Equal("U0ADMIN", found.InstallerUserId);
        Assert.Equal(Acme().InstalledAt, found.InstalledAt);
    }

    [Fact]
    public async Task Token_is_encrypted_in_the_database_file()
    {
        await _store.SaveAsync(Acme(), _ct);
        SqlitePools.Clear(_db.Connections.ConnectionString);

        var bytes = string.Concat(
            new[] { _db.DatabasePath, _db.DatabasePath + "-wal" }.Where(File.Exists).Select(p => Encoding.Latin1.GetString(File.ReadAllBytes(p))));

        Assert.DoesNotContain("pdFZKVeTuE8sk7oOcBrzbqgy", bytes, StringComparison.Ordinal);
        Assert.Contains("T0ACME", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reinstall_updates_the_row_and_brings_the_workspace_back()
    {
        await _store.SaveAsync(Acme(), _ct);
        await _store.DeleteAsync(null, "T0ACME", _ct);

        await _store.SaveAsync(Acme("xoxb-new-token"), _ct);

        var found = await _store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);
        Assert.Equal("xoxb-new-token", found?.BotToken);
        Assert.True(await _store.IsInstalledAsync(new Workspace("T0ACME"), _ct));
    }

    [Fact]
    public async Task Uninstall_forgets_tokens_and_marks_the_workspace_uninstalled()
    {
        await _store.SaveAsync(Acme() with { BotRefreshToken = "xoxe-1-refresh" }, _ct);
        _db.Clock.Advance(TimeSpan.FromHours(1));

        await _store.DeleteAsync(null, "T0ACME", _ct);

        Assert.Null(await _store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct));
        var status = await _store.GetStatusAsync(new Workspace("T0ACME"), _ct);
        Assert.Equal(_db.Clock.GetUtcNow(), status?.UninstalledAt);
        Assert.False(await _store.IsInstalledAsync(new Workspace("T0ACME"), _ct));
    }

    [Fact]
    public async Task A_new_instance_on_the_same_database_and_keys_reads_the_token()
    {
        await _store.SaveAsync(Acme(), _ct);

        // A restart: new connection factory, new Data Protection provider over the same keys folder.
        var restarted = new InstallationStore(TestDatabase.CreateFactory(_db.Folder), TestDatabase.CreateSecrets(_db.Folder), _db.Clock);

        Assert.Equal(Token, (await restarted.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct))?.BotToken);
    }

    [Fact]
    public async Task Workspace_of_a_grid_org_falls_back_to_the_org_wide_installation()
    {
        await _store.SaveAsync(Acme() with { EnterpriseId = "E0ORG", TeamId = null, IsEnterpriseInstall = true }, _ct);

        var found = await _store.FindAsync("E0ORG", "T0ANY", isEnterpriseInstall: false, _ct);

        Assert.NotNull(found);
        Assert.True(found.IsEnterpriseInstall);
        Assert.Equal("E0ORG", found.EnterpriseId);
    }

    [Fact]
    public async Task Token_rotation_fields_round_trip()
    {
        var expiry = new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero);
        await _store.SaveAsync(Acme() with { BotRefreshToken = "xoxe-1-refresh", BotTokenExpiresAt = expiry }, _ct);

        var found = await _store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);

        Assert.Equal("xoxe-1-refresh", found?.BotRefreshToken);
        Assert.Equal(expiry, found?.BotTokenExpiresAt);
    }

    [Fact]
    public async Task Workspace_of_a_grid_org_is_found_by_its_team_id_alone()
    {
        await _store.SaveAsync(Acme() with { EnterpriseId = "E0ORG" }, _ct);

        Assert.Equal(Token, (await _store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct))?.BotToken);
        Assert.Equal(Token, (await _store.FindAsync("E0ORG", "T0ACME", isEnterpriseInstall: false, _ct))?.BotToken);
    }

    [Fact]
    public async Task A_workspace_that_joined_a_grid_org_keeps_one_installation()
    {
        await _store.SaveAsync(Acme("xoxb-standalone"), _ct);

        await _store.SaveAsync(Acme("xoxb-in-grid") with { EnterpriseId = "E0ORG" }, _ct);

        Assert.Equal("xoxb-in-grid", (await _store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct))?.BotToken);
        Assert.True(await _store.IsInstalledAsync(new Workspace("T0ACME"), _ct));
    }

    [Fact]
    public async Task Workspace_of_a_grid_org_counts_as_installed_without_its_enterprise_id()
    {
        await _store.SaveAsync(Acme() with { EnterpriseId = "E0ORG" }, _ct);

        Assert.True(await _store.IsInstalledAsync(new Workspace("T0ACME"), _ct));
        Assert.True(await _store.IsInstalledAsync(new Workspace("T0ACME", "E0ORG"), _ct));
    }

    [Fact]
    public async Task Expiring_rotated_token_is_refreshed_and_saved_before_it_is_handed_out()
    {
        var oauth = new RefreshingOAuthClient();
        var store = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock, new SlackTokenRotator(oauth, _db.Clock));
        await store.SaveAsync(Acme("xoxe.xoxb-old") with { BotRefreshToken = "xoxe-1-old", BotTokenExpiresAt = _db.Clock.GetUtcNow().AddMinutes(5) }, _ct);

        var found = await store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);
        var again = await store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);

        Assert.Equal("xoxe.xoxb-new", found?.BotToken);
        Assert.Equal("xoxe-1-new", found?.BotRefreshToken);
        Assert.Equal(_db.Clock.GetUtcNow().AddHours(12), found?.BotTokenExpiresAt);
        Assert.Equal("xoxe.xoxb-new", again?.BotToken);
        Assert.Equal(1, oauth.Refreshes);
    }

    [Fact]
    public async Task Token_far_from_expiry_is_not_refreshed()
    {
        var oauth = new RefreshingOAuthClient();
        var store = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock, new SlackTokenRotator(oauth, _db.Clock));
        await store.SaveAsync(Acme() with { BotRefreshToken = "xoxe-1-old", BotTokenExpiresAt = _db.Clock.GetUtcNow().AddHours(11) }, _ct);

        await store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);

        Assert.Equal(0, oauth.Refreshes);
    }

    public void Dispose() => _db.Dispose();
}
