using System.Net;
using Dapper;
using SlackApp.ApiKeys;
using SlackApp.Data;
using SlackApp.Tests.AdminApi;

namespace SlackApp.Tests.ApiKeys;

public sealed class ApiKeyRepositoryTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_key_is_returned_once_and_only_its_hash_and_prefix_are_stored()
    {
        var created = await _app.Keys.CreateAsync(AdminApiApp.Acme, "  ci  ", "U0ADMIN", _ct);

        Assert.StartsWith("ugk_", created.Plaintext, StringComparison.Ordinal);
        Assert.Equal(47, created.Plaintext.Length);
        Assert.Equal(created.Plaintext[..10], created.Key.Prefix);
        Assert.Equal("ci", created.Key.Name);
        await using var connection = await _app.Factory.Service<DbConnectionFactory>().OpenAsync(_ct);
        var stored = (await connection.QueryAsync<string>("SELECT name || '|' || key_hash || '|' || key_prefix FROM api_keys WHERE id = @Id", new { created.Key.Id })).Single();
        Assert.DoesNotContain(created.Plaintext, stored, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Plaintext))), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_keys_are_never_the_same()
    {
        var first = await _app.Keys.CreateAsync(AdminApiApp.Acme, "a", "U0ADMIN", _ct);
        var second = await _app.Keys.CreateAsync(AdminApiApp.Acme, "a", "U0ADMIN", _ct);

        Assert.NotEqual(first.Plaintext, second.Plaintext);
    }

    [Fact]
    public async Task The_list_is_the_workspaces_own_keys_newest_first_with_who_when_and_revocation()
    {
        var later = await _app.Keys.CreateAsync(AdminApiApp.Acme, "terraform", "U0BOB", _ct);
        await _app.Keys.RevokeAsync(AdminApiApp.Acme, _app.AcmeKey.Key.Id, "U0BOB", _ct);

        var keys = await _app.Keys.ListAsync(AdminApiApp.Acme, _ct);

        Assert.Equal(["terraform", "ci"], keys.Select(k => k.Name));
        Assert.Equal("U0BOB", keys[0].CreatedBy);
        Assert.Equal(_app.Clock.GetUtcNow(), keys[0].CreatedAt);
        Assert.False(keys[0].IsRevoked);
        Assert.True(keys[1].IsRevoked);
        Assert.Equal("U0BOB", keys[1].RevokedBy);
        Assert.Equal(later.Key.Prefix, keys[0].Prefix);
    }

    [Fact]
    public async Task A_key_of_another_workspace_cannot_be_revoked_from_this_one()
    {
        var revoked = await _app.Keys.RevokeAsync(AdminApiApp.Acme, _app.GlobexKey.Key.Id, "U0ADMIN", _ct);

        Assert.False(revoked);
        Assert.False((await _app.Keys.ListAsync(AdminApiApp.Globex, _ct)).Single().IsRevoked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a name that is far too long for a key, longer than fifty characters")]
    public async Task A_bad_name_is_refused_with_the_words_to_show(string name)
    {
        Assert.NotNull(ApiKey.NameProblem(name));
        await Assert.ThrowsAsync<ArgumentException>(() => _app.Keys.CreateAsync(AdminApiApp.Acme, name, "U0ADMIN", _ct));
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        var start = _app.Clock.GetUtcNow();

        await _app.AcmeAsync(HttpMethod.Get, "/workflows");
        var first = await LastUsedAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(59));
        await _app.AcmeAsync(HttpMethod.Get, "/workflows");
        var within = await LastUsedAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(2));
        var response = await _app.AcmeAsync(HttpMethod.Get, "/workflows");
        var after = await LastUsedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(start, first);
        Assert.Equal(start, within);
        Assert.Equal(start.AddSeconds(61), after);
    }

    [Fact]
    public async Task A_refused_request_does_not_count_as_a_use()
    {
        await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Globex, "/workflows"), _app.AcmeKey.Plaintext);

        Assert.Null(await LastUsedAsync());
    }

    private async Task<DateTimeOffset?> LastUsedAsync() =>
        (await _app.Keys.ListAsync(AdminApiApp.Acme, _ct)).Single(k => k.Id == _app.AcmeKey.Key.Id).LastUsedAt;

    public void Dispose() => _app.Dispose();
}
