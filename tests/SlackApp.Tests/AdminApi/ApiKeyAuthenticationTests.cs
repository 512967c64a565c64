using System.Net;
using SlackApp.Installations;

namespace SlackApp.Tests.AdminApi;

public sealed class ApiKeyAuthenticationTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_without_a_key_is_refused_401_with_a_bearer_challenge()
    {
        var response = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Acme, "/workflows"), key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("ugk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    public async Task An_unknown_key_is_refused_401(string key)
    {
        await _app.SeedAsync();

        var response = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Acme, "/workflows"), key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
        Assert.DoesNotContain("Execs", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_401_from_its_next_request()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.AcmeAsync(HttpMethod.Get, "/workflows")).StatusCode);

        Assert.True(await _app.Keys.RevokeAsync(AdminApiApp.Acme, _app.AcmeKey.Key.Id, "U0ADMIN", _ct));
        var response = await _app.AcmeAsync(HttpMethod.Get, "/workflows");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_used_on_another_workspaces_url_gets_404_and_sees_nothing()
    {
        await _app.SeedAsync("Globex secret plan", AdminApiApp.Globex);

        var list = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Globex, "/workflows"), _app.AcmeKey.Plaintext);
        var export = await _app.SendAsync(HttpMethod.Get, AdminApiApp.Url(AdminApiApp.Globex, "/workflows:export"), _app.AcmeKey.Plaintext);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.DoesNotContain("Globex secret plan", await list.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_workspaces_workflow_id_under_your_own_url_is_404_for_every_verb()
    {
        var theirs = await _app.SeedAsync("Globex secret plan", AdminApiApp.Globex);
        var path = $"/workflows/{theirs.Id}";

        var get = await _app.AcmeAsync(HttpMethod.Get, path);
        var delete = await _app.AcmeAsync(HttpMethod.Delete, path, ifMatch: "*");
        var pause = await _app.AcmeAsync(HttpMethod.Post, path + ":pause");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pause.StatusCode);
        var still = await _app.Workflows.GetAsync(AdminApiApp.Globex, theirs.Id, _ct);
        Assert.NotNull(still);
        Assert.True(still.Enabled);
    }

    [Fact]
    public async Task A_workspace_that_uninstalled_the_app_is_404_even_with_its_own_key()
    {
        await _app.Factory.Service<InstallationStore>().DeleteAsync(null, AdminApiApp.Acme.TeamId, _ct);

        var response = await _app.AcmeAsync(HttpMethod.Get, "/workflows");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
