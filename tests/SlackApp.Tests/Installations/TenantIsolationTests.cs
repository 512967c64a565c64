using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Installations;

/// <summary>One workspace can neither read nor change another's rows through any repository method.</summary>
public sealed class TenantIsolationTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");
    private readonly TestDatabase _db = new();
    private readonly InstallationStore _installations;
    private readonly WorkspaceSettingsRepository _settings;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public TenantIsolationTests()
    {
        _installations = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock);
        _settings = new WorkspaceSettingsRepository(_db.Connections, _db.Secrets, _db.Clock);
    }

    [Fact]
    public async Task Another_workspace_reads_nothing_of_acme()
    {
        var acmeSecret = await SeedAcmeAsync();

        Assert.Null(await _installations.FindAsync(null, Globex.TeamId, isEnterpriseInstall: false, _ct));
        Assert.Null(await _installations.GetStatusAsync(Globex, _ct));
        Assert.False(await _installations.IsInstalledAsync(Globex, _ct));
        Assert.Equal(new WorkspaceSettings(), await _settings.GetAsync(Globex, _ct));
        Assert.Null(await _settings.GetSignalSecretAsync(Globex, _ct));
        Assert.Empty(await _settings.ListManagersAsync(Globex, _ct));
        Assert.NotEqual(acmeSecret, await _settings.EnsureSignalSecretAsync(Globex, _ct));
    }

    [Fact]
    public async Task Another_workspace_changes_nothing_of_acme()
    {
        var acmeSecret = await SeedAcmeAsync();
        var before = await _settings.GetAsync(Acme, _ct);

        await _installations.DeleteAsync(null, Globex.TeamId, _ct);
        await _settings.SaveAsync(Globex, "https://globex.lightning.force.com", "C0GLOBEX", "U0G", _ct);
        await _settings.SetSignalSecretAsync(Globex, null, "U0G", _ct);
        await _settings.SetManagersAsync(Globex, ["U0G"], "U0ADMIN", _ct);

        Assert.Equal("xoxb-acme", (await _installations.FindAsync(null, Acme.TeamId, isEnterpriseInstall: false, _ct))?.BotToken);
        Assert.Equal(before, await _settings.GetAsync(Acme, _ct));
        Assert.Equal(acmeSecret, await _settings.GetSignalSecretAsync(Acme, _ct));
        Assert.Equal(["U0MANAGER"], await _settings.ListManagersAsync(Acme, _ct));
    }

    private async Task<string> SeedAcmeAsync()
    {
        await _installations.SaveAsync(new Installation { TeamId = Acme.TeamId, BotUserId = "U0BOT", BotToken = "xoxb-acme" }, _ct);
        await _settings.SaveAsync(Acme, "https://acme.lightning.force.com", "C0ACME", "U0ADMIN", _ct);
        await _settings.SetManagersAsync(Acme, ["U0MANAGER"], "U0ADMIN", _ct);
        return await _settings.EnsureSignalSecretAsync(Acme, _ct);
    }

    public void Dispose() => _db.Dispose();
}
