using System.Net;

namespace SlackApp.Tests.AdminApi;

public sealed class WorkflowConcurrencyTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private const string Edit = """
        {"name":"Execs at Closed Lost","signalTypes":["new_hire","promotion"],"recipients":{"channels":["C0DEALS"]}}
        """;

    [Fact]
    public async Task Get_answers_the_version_as_a_strong_etag()
    {
        var workflow = await _app.SeedAsync();

        var response = await _app.AcmeAsync(HttpMethod.Get, $"/workflows/{workflow.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.False(response.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task A_replace_with_the_current_etag_saves_and_answers_the_next_one()
    {
        var workflow = await _app.SeedAsync();

        var response = await _app.AcmeAsync(HttpMethod.Put, $"/workflows/{workflow.Id}", Edit, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var saved = await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct);
        Assert.Equal(2, saved!.SignalTypes.Count);
        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_refused_412_and_changes_nothing()
    {
        var workflow = await _app.SeedAsync();
        await _app.Workflows.SetEnabledAsync(AdminApiApp.Acme, workflow.Id, enabled: false, "U0BOB", _ct);

        var response = await _app.AcmeAsync(HttpMethod.Put, $"/workflows/{workflow.Id}", Edit, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var current = await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct);
        Assert.Single(current!.SignalTypes);
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task A_replace_or_delete_without_if_match_is_refused_428()
    {
        var workflow = await _app.SeedAsync();

        var put = await _app.AcmeAsync(HttpMethod.Put, $"/workflows/{workflow.Id}", Edit);
        var delete = await _app.AcmeAsync(HttpMethod.Delete, $"/workflows/{workflow.Id}");

        Assert.Equal(HttpStatusCode.PreconditionRequired, put.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, delete.StatusCode);
        Assert.NotNull(await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct));
    }

    [Fact]
    public async Task If_match_star_overwrites_whatever_version_is_there()
    {
        var workflow = await _app.SeedAsync();
        await _app.Workflows.SetEnabledAsync(AdminApiApp.Acme, workflow.Id, enabled: false, "U0BOB", _ct);

        var response = await _app.AcmeAsync(HttpMethod.Put, $"/workflows/{workflow.Id}", Edit, ifMatch: "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        Assert.True((await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct))!.Enabled);
    }

    [Fact]
    public async Task A_weak_etag_never_matches()
    {
        var workflow = await _app.SeedAsync();

        var response = await _app.AcmeAsync(HttpMethod.Delete, $"/workflows/{workflow.Id}", ifMatch: "W/\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task A_delete_with_the_current_etag_deletes()
    {
        var workflow = await _app.SeedAsync();

        var stale = await _app.AcmeAsync(HttpMethod.Delete, $"/workflows/{workflow.Id}", ifMatch: "\"7\"");
        var current = await _app.AcmeAsync(HttpMethod.Delete, $"/workflows/{workflow.Id}", ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
        Assert.Null(await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct));
    }

    [Fact]
    public async Task Pause_and_resume_change_the_state_and_honour_a_stale_if_match()
    {
        var workflow = await _app.SeedAsync();

        var paused = await _app.AcmeAsync(HttpMethod.Post, $"/workflows/{workflow.Id}:pause");
        var staleResume = await _app.AcmeAsync(HttpMethod.Post, $"/workflows/{workflow.Id}:resume", ifMatch: "\"1\"");
        var afterStale = await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct);
        var resumed = await _app.AcmeAsync(HttpMethod.Post, $"/workflows/{workflow.Id}:resume", ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.False((bool)(await _app.JsonAsync(paused))["enabled"]!);
        Assert.Equal("\"2\"", paused.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResume.StatusCode);
        Assert.False(afterStale!.Enabled);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.True((await _app.Workflows.GetAsync(AdminApiApp.Acme, workflow.Id, _ct))!.Enabled);
    }

    public void Dispose() => _app.Dispose();
}
