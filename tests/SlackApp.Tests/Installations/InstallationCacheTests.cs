using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.Tests.Data;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Installations;

/// <summary>
/// Installations and settings kept in memory: a change through the same instance is seen at once; another instance's
/// (a second store over the same database, with its own cache) once the cache duration has passed.
/// </summary>
public sealed class InstallationCacheTests : IDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly Workspace Acme = new("T0ACME");
    private readonly TestDatabase _db = new();
    private readonly CommitCountingConnections _counting;
    private readonly InstallationStore _store;
    private readonly WorkspaceSettingsRepository _settings;
    private readonly InstallationStore _otherInstance;
    private readonly WorkspaceSettingsRepository _otherSettings;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public InstallationCacheTests()
    {
        _counting = new CommitCountingConnections(_db);
        var cache = NewCache();
        _store = new InstallationStore(_counting.Connections, _db.Secrets, _db.Clock, cache: cache);
        _settings = new WorkspaceSettingsRepository(_counting.Connections, _db.Secrets, _db.Clock, cache);
        var otherCache = NewCache();
        _otherInstance = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock, cache: otherCache);
        _otherSettings = new WorkspaceSettingsRepository(_db.Connections, _db.Secrets, _db.Clock, otherCache);
    }

    public void Dispose() => _db.Dispose();

    private InstallationCache NewCache() => new(Options.Create(new InstallationCacheOptions { CacheDuration = Duration }), _db.Clock);

    private static Installation Installation(string token) =>
        new() { TeamId = "T0ACME", BotUserId = "U0BOT", BotToken = token, InstallerUserId = "U0INSTALLER", InstalledAt = DateTimeOffset.UnixEpoch };

    private Task<Installation?> FindAsync(InstallationStore store) => store.FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);

    [Fact]
    public async Task Repeated_reads_open_no_connection()
    {
        await _store.SaveAsync(Installation("xoxb-1"), _ct);
        await _settings.EnsureSignalSecretAsync(Acme, _ct);
        await FindAsync(_store);
        await _store.GetStatusAsync(Acme, _ct);
        await _settings.GetAsync(Acme, _ct);
        await _settings.ListManagersAsync(Acme, _ct);
        var opened = _counting.Opened;

        Assert.Equal("xoxb-1", (await FindAsync(_store))?.BotToken);
        Assert.True(await _store.IsInstalledAsync(Acme, _ct));
        Assert.NotNull(await _settings.GetSignalSecretAsync(Acme, _ct));
        await _settings.GetAsync(Acme, _ct);
        await _settings.ListManagersAsync(Acme, _ct);

        Assert.Equal(opened, _counting.Opened);
    }

    [Fact]
    public async Task Uninstall_and_reinstall_on_this_instance_are_seen_at_once()
    {
        await _store.SaveAsync(Installation("xoxb-1"), _ct);
        Assert.NotNull(await FindAsync(_store));

        await _store.DeleteAsync(null, "T0ACME", _ct);
        Assert.Null(await FindAsync(_store));
        Assert.False(await _store.IsInstalledAsync(Acme, _ct));

        await _store.SaveAsync(Installation("xoxb-2"), _ct);
        Assert.Equal("xoxb-2", (await FindAsync(_store))?.BotToken);
        Assert.True(await _store.IsInstalledAsync(Acme, _ct));
    }

    [Fact]
    public async Task Settings_secret_and_manager_changes_on_this_instance_are_seen_at_once()
    {
        var first = await _settings.EnsureSignalSecretAsync(Acme, _ct);
        await _settings.GetAsync(Acme, _ct);
        await _settings.ListManagersAsync(Acme, _ct);

        var rotated = await _settings.SetSignalSecretAsync(Acme, null, "U0ADMIN", _ct);
        await _settings.SaveAsync(Acme, "https://acme.lightning.force.com", "C0FALLBACK", "U0ADMIN", _ct);
        await _settings.SetManagersAsync(Acme, ["U0MANAGER"], "U0ADMIN", _ct);

        Assert.NotEqual(first, rotated);
        Assert.Equal(rotated, await _settings.GetSignalSecretAsync(Acme, _ct));
        Assert.Equal("C0FALLBACK", (await _settings.GetAsync(Acme, _ct)).FallbackChannelId);
        Assert.Equal(["U0MANAGER"], await _settings.ListManagersAsync(Acme, _ct));
    }

    [Fact]
    public async Task An_org_link_on_this_instance_is_seen_at_once()
    {
        await _store.SaveAsync(Installation("xoxb-org") with { TeamId = null, EnterpriseId = "E0ORG", IsEnterpriseInstall = true }, _ct);
        Assert.Null(await _store.FindAsync(null, "T0LINKED", isEnterpriseInstall: false, _ct));

        await _store.LinkAsync("E0ORG", [new OrgTeam("T0LINKED", "Linked")], _ct);

        Assert.Equal("xoxb-org", (await _store.FindAsync(null, "T0LINKED", isEnterpriseInstall: false, _ct))?.BotToken);
    }

    [Fact]
    public async Task Another_instances_uninstall_and_secret_rotation_are_seen_once_the_cache_duration_passed()
    {
        await _store.SaveAsync(Installation("xoxb-1"), _ct);
        var secret = await _settings.EnsureSignalSecretAsync(Acme, _ct);
        Assert.NotNull(await FindAsync(_store));
        Assert.True(await _store.IsInstalledAsync(Acme, _ct));

        await _otherInstance.DeleteAsync(null, "T0ACME", _ct);
        var rotated = await _otherSettings.SetSignalSecretAsync(Acme, null, "U0ADMIN", _ct);
        _db.Clock.Advance(Duration - TimeSpan.FromSeconds(1));

        // Within the duration this instance still answers from memory: that is what the cache is for.
        Assert.NotNull(await FindAsync(_store));
        Assert.Equal(secret, await _settings.GetSignalSecretAsync(Acme, _ct));

        _db.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await FindAsync(_store));
        Assert.False(await _store.IsInstalledAsync(Acme, _ct));
        Assert.Equal(rotated, await _settings.GetSignalSecretAsync(Acme, _ct));
    }

    [Fact]
    public async Task A_cached_token_entering_its_refresh_window_is_refreshed()
    {
        var oauth = new RefreshingOAuthClient();
        var store = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock, new SlackTokenRotator(oauth, _db.Clock), cache: NewCache());
        await store.SaveAsync(Installation("xoxe.xoxb-old") with { BotRefreshToken = "xoxe-1-old", BotTokenExpiresAt = _db.Clock.GetUtcNow().AddMinutes(10).AddSeconds(10) }, _ct);
        Assert.Equal("xoxe.xoxb-old", (await FindAsync(store))?.BotToken);

        // Still within the cache duration, but now within the refresh window: never handed out from memory as it was.
        _db.Clock.Advance(TimeSpan.FromSeconds(20));
        var found = await FindAsync(store);

        Assert.Equal("xoxe.xoxb-new", found?.BotToken);
        Assert.Equal(1, oauth.Refreshes);
        Assert.Equal("xoxe.xoxb-new", (await FindAsync(store))?.BotToken);
        Assert.Equal("xoxe.xoxb-new", (await FindAsync(_otherInstance))?.BotToken);
        Assert.Equal(1, oauth.Refreshes);
    }
}
