using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

/// <summary><c>auth.teams.list</c>: the workspaces an org-wide installation was granted, page by page.</summary>
public sealed class AuthTeamsListTests : IDisposable
{
    // The "typical success response" of https://api.slack.com/methods/auth.teams.list.
    private const string DocsPage1 = """
        {
            "ok": true,
            "teams": [
                {
                    "name": "Shinichi's workspace",
                    "id": "T12345678"
                },
                {
                    "name": "Migi's workspace",
                    "id": "T12345679"
                }
            ],
            "response_metadata": {
                "next_cursor": "dXNlcl9pZDo5MTQyOTI5Mzkz"
            }
        }
        """;

    private const string LastPage = """{"ok":true,"teams":[{"name":"Izumi's workspace","id":"T1234567A"}],"response_metadata":{"next_cursor":""}}""";

    private readonly SlackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Reads_the_teams_and_next_cursor_of_slacks_documented_response()
    {
        _host.Slack.ThenJson(DocsPage1);

        var page = await _host.Client.AuthTeamsListAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["T12345678", "T12345679"], page.Teams.Select(t => t.Id));
        Assert.Equal(["Shinichi's workspace", "Migi's workspace"], page.Teams.Select(t => t.Name));
        Assert.Equal("dXNlcl9pZDo5MTQyOTI5Mzkz", page.NextCursor);
        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal("https://slack.test/api/auth.teams.list", request.Uri.ToString());
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", request.Authorization);
        Assert.False(request.Form.ContainsKey("cursor"));
    }

    [Fact]
    public async Task All_pages_are_followed_with_the_cursor_until_it_comes_back_empty()
    {
        _host.Slack.ThenJson(DocsPage1).ThenJson(LastPage);

        var teams = new List<SlackTeam>();
        await foreach (var team in _host.Client.AuthTeamsListAllAsync(TestContext.Current.CancellationToken))
        {
            teams.Add(team);
        }

        Assert.Equal(["T12345678", "T12345679", "T1234567A"], teams.Select(t => t.Id));
        var requests = _host.Slack.Requests;
        Assert.Equal(2, requests.Count);
        Assert.False(requests[0].Form.ContainsKey("cursor"));
        Assert.Equal("dXNlcl9pZDo5MTQyOTI5Mzkz", requests[1].Form["cursor"]);
        Assert.All(requests, r => Assert.Equal("auth.teams.list", r.SlackMethod));
    }

    [Fact]
    public async Task A_refusal_is_a_typed_error_with_slacks_code()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_cursor"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.AuthTeamsListAsync("bogus", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("invalid_cursor", error.Error);
        Assert.Equal(SlackApiMethods.AuthTeamsList, error.Method);
    }
}
