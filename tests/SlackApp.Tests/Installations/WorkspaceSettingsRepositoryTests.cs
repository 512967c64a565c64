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
        await _settings.SetManagersAsync(Acme, ["U2", "U1"], _ct);
        await _settings.SetManagersAsync(Acme, ["U3", "U1", "U3"], _ct);

        Assert.Equal(["U1", "U3"], await _settings.ListManagersAsync(Acme, _ct));
    }

    public void Dispose() => _db.Dispose();
}
