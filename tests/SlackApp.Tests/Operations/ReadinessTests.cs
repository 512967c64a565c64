using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SlackApp.Data;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Notifications;

namespace SlackApp.Tests.Operations;

/// <summary><c>/readyz</c>: 200 when the database answers, migrations are applied and the workers come round; 503 naming what is not.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_answers_200_naming_each_check_when_all_is_well()
    {
        await using var app = new NotificationsApp();

        var (status, body) = await ReadyzAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal(["database", "migrations", "slack_socket_mode", "workers"], Checks(body).Select(c => (string?)c["name"]).Order());
        Assert.All(Checks(body), c => Assert.Equal("Healthy", (string?)c["status"]));
        var workers = Check(body, "workers")["details"]!.AsObject();
        Assert.Equal("ok", (string?)workers["Signal matching"]);
        Assert.Equal("ok", (string?)workers["Notification delivery"]);
        Assert.Equal("ok", (string?)workers["Escalation"]);
    }

    [Fact]
    public async Task In_socket_mode_readyz_names_the_open_connection_to_slack()
    {
        await using var app = new NotificationsApp(transport: SlackTransport.SocketMode);

        var (status, body) = await ReadyzAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        var socket = Check(body, "slack_socket_mode");
        Assert.Equal("Healthy", (string?)socket["status"]);
        Assert.Contains("1 connection(s) open", (string?)socket["description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_that_does_not_run_here_is_not_required()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);

        var (status, body) = await ReadyzAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        var workers = Check(body, "workers")["details"]!.AsObject();
        Assert.False(workers.ContainsKey("Notification delivery"));
        Assert.True(workers.ContainsKey("Signal matching"));
    }

    [Fact]
    public async Task Readyz_answers_503_naming_a_worker_not_seen_for_three_of_its_intervals()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);
        app.Service<WorkerHeartbeats>().Beat("Stuck worker", TimeSpan.FromSeconds(10));

        app.Clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(app)).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var (status, body) = await ReadyzAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", (string?)body["status"]);
        var workers = Check(body, "workers");
        Assert.Equal("Unhealthy", (string?)workers["status"]);
        Assert.Contains("Stuck worker", (string?)workers["description"], StringComparison.Ordinal);
        Assert.Equal("stale", (string?)workers["details"]!["Stuck worker"]);
        Assert.Equal("Healthy", (string?)Check(body, "database")["status"]);
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_database_when_it_is_gone_and_says_no_more()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);
        Assert.Equal(HttpStatusCode.OK, (await ReadyzAsync(app)).Status);
        var file = new SqliteConnectionStringBuilder(app.Connections.ConnectionString).DataSource;

        SqliteConnection.ClearPool(new SqliteConnection(app.Connections.ConnectionString));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        var (status, body) = await ReadyzAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var database = Check(body, "database");
        Assert.Equal("Unhealthy", (string?)database["status"]);
        Assert.Equal("The database does not answer.", (string?)database["description"]);
        Assert.DoesNotContain("SQLite", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Readyz_answers_503_naming_the_migrations_while_scripts_wait_to_be_applied()
    {
        using var factory = new SlackAppFactory().With("Database:MigrateOnStartup", "false");
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), NotificationsApp.Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(NotificationsApp.Ct))!.AsObject();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", (string?)Check(body, "migrations")["status"]);
        Assert.Equal("Healthy", (string?)Check(body, "database")["status"]);
    }

    [Fact]
    public async Task Healthz_stays_liveness_whatever_the_database_says()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);
        var file = new SqliteConnectionStringBuilder(app.Connections.ConnectionString).DataSource;
        SqliteConnection.ClearPool(new SqliteConnection(app.Connections.ConnectionString));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

        var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative), NotificationsApp.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadyzAsync(NotificationsApp app)
    {
        var response = await app.Client.GetAsync(new Uri("/readyz", UriKind.Relative), NotificationsApp.Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(NotificationsApp.Ct))!.AsObject());
    }

    private static IEnumerable<JsonObject> Checks(JsonObject body) => body["checks"]!.AsArray().Select(c => c!.AsObject());

    private static JsonObject Check(JsonObject body, string name) => Assert.Single(Checks(body), c => (string?)c["name"] == name);
}
