using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using SlackApp.Data;

namespace SlackApp.Tests.AdminApi;

public sealed class DeliveryListingTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private async Task AddAsync(string teamId, string signalId, long? workflowId, string status, string? error = null)
    {
        await using var connection = await _app.Factory.Service<DbConnectionFactory>().OpenAsync(_ct);
        var now = _app.Clock.GetUtcNow();
        var signalRow = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO signals (team_id, signal_id, type, occurred_at, received_at, raw_json, status, matched_at, match_count)
            VALUES (@TeamId, @SignalId, 'new_hire', @Now, @Now, '{}', 'matched', @Now, 1);
            SELECT last_insert_rowid();
            """,
            new { TeamId = teamId, SignalId = signalId, Now = now });
        await connection.ExecuteAsync(
            """
            INSERT INTO notification_deliveries
                (team_id, signal_row_id, is_test, recipient_kind, recipient_id, matches_json, status, attempts, next_attempt_at, last_error, workflow_id, created_at, updated_at)
            VALUES (@TeamId, @SignalRow, 0, 'channel', 'C0DEALS', '[]', @Status, 1, @Now, @Error, @WorkflowId, @Now, @Now)
            """,
            new { TeamId = teamId, SignalRow = signalRow, Status = status, Error = error, WorkflowId = workflowId, Now = now });
    }

    [Fact]
    public async Task Deliveries_are_the_workspaces_own_newest_first_with_their_states()
    {
        await AddAsync("T0ACME", "sig_1", 1, "sent");
        await AddAsync("T0GLOBEX", "sig_globex", 1, "sent");
        await AddAsync("T0ACME", "sig_2", 1, "failed", "channel_not_found");

        var response = await _app.AcmeAsync(HttpMethod.Get, "/deliveries");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await _app.JsonAsync(response))["deliveries"]!.AsArray();
        Assert.Equal([("sig_2", "failed", "channel_not_found"), ("sig_1", "sent", null)], items.Select(i => ((string)i!["signalId"]!, (string)i["status"]!, (string?)i["error"])));
    }

    [Fact]
    public async Task Pages_follow_next_before_and_a_workflow_filter_narrows_them()
    {
        for (var i = 1; i <= 5; i++)
        {
            await AddAsync("T0ACME", $"sig_{i}", i % 2 == 0 ? 2 : 1, "sent");
        }

        var first = await _app.JsonAsync(await _app.AcmeAsync(HttpMethod.Get, "/deliveries?limit=2"));
        var second = await _app.JsonAsync(await _app.AcmeAsync(HttpMethod.Get, $"/deliveries?limit=2&before={(long)first["nextBefore"]!}"));
        var third = await _app.JsonAsync(await _app.AcmeAsync(HttpMethod.Get, $"/deliveries?limit=2&before={(long)second["nextBefore"]!}"));
        var filtered = await _app.JsonAsync(await _app.AcmeAsync(HttpMethod.Get, "/deliveries?workflowId=2"));

        static IEnumerable<string> Ids(JsonNode page) => page["deliveries"]!.AsArray().Select(i => (string)i!["signalId"]!);
        Assert.Equal(["sig_5", "sig_4", "sig_3", "sig_2", "sig_1"], Ids(first).Concat(Ids(second)).Concat(Ids(third)));
        Assert.Null(third["nextBefore"]);
        Assert.Equal(["sig_4", "sig_2"], Ids(filtered));
    }

    [Fact]
    public async Task A_limit_out_of_bounds_is_a_named_field_error()
    {
        var response = await _app.AcmeAsync(HttpMethod.Get, "/deliveries?limit=5000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await _app.JsonAsync(response))["errors"]!["limit"]);
    }

    public void Dispose() => _app.Dispose();
}
