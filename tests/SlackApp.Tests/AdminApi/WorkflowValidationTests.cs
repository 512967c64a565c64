using System.Net;
using System.Text.Json.Nodes;

namespace SlackApp.Tests.AdminApi;

public sealed class WorkflowValidationTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_bad_field_is_named_in_a_problem_and_nothing_is_created()
    {
        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """
            {"signalTypes":["new_hire","alien_landing"],"filters":{"minimumSeniority":"emperor"},
             "recipients":{"roles":["owner"]},"delivery":{"dailyCap":0,"escalateAfterHours":4}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await _app.JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(["delivery.dailyCap", "delivery.escalateToUser", "filters.minimumSeniority", "name", "signalTypes[1]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await _app.Workflows.ListAsync(AdminApiApp.Acme, _ct));
    }

    [Fact]
    public async Task A_name_already_used_in_the_workspace_is_refused_as_the_modal_refuses_it()
    {
        await _app.SeedAsync("Execs");

        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """{"name":"EXECS","signalTypes":["new_hire"],"recipients":{"roles":["owner"]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already has this name", (await _app.JsonAsync(response))["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_channel_the_app_is_not_in_is_refused_as_the_modal_refuses_it()
    {
        _app.Slack.On("conversations.info", call => call.Field("channel") == "G0SECRET"
            ? Fakes.FakeSlackAnswer.Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "G0SECRET", ["name"] = "secret", ["is_private"] = true, ["is_member"] = false } })
            : null);

        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """{"name":"Execs","signalTypes":["new_hire"],"recipients":{"channels":["G0SECRET"]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invite it there first", (await _app.JsonAsync(response))["errors"]!["recipients"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"Execs","signalTypes":["new_hire"],"recipients":{"roles":["owner"]},"colour":"red"}""", "colour")]
    [InlineData("""{"name":"Execs","signalTypes":["new_hire"],"recipients":{"roles":["owner"],"teams":["x"]}}""", "recipients.teams")]
    public async Task An_unknown_field_is_refused_by_name(string body, string field)
    {
        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await _app.JsonAsync(response))["errors"]!.AsObject();
        Assert.Contains(field, errors.Select(e => e.Key));
        Assert.Empty(await _app.Workflows.ListAsync(AdminApiApp.Acme, _ct));
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[1,2]")]
    [InlineData("{\"name\":\"Execs\",\"signalTypes\":\"new_hire\"}")]
    [InlineData("null")]
    public async Task Malformed_json_is_a_400_problem_never_a_500(string body)
    {
        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_64_KB_is_refused_413()
    {
        var keywords = string.Join(',', Enumerable.Repeat("\"director of everything\"", 3000));

        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """{"name":"Big","signalTypes":["new_hire"],"recipients":{"roles":["owner"]},"filters":{"titleKeywords":[""" + keywords + "]}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AdminApiApp.Url(AdminApiApp.Acme, "/workflows"))
        {
            Content = new StringContent("name=Execs", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new("Bearer", _app.AcmeKey.Plaintext);

        var response = await _app.Http.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_workflow_is_created_with_201_its_location_and_etag()
    {
        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """
            {"name":" Execs ","signalTypes":["new_hire"],"filters":{"minimumSeniority":"director","departments":["Sales","sales"]},
             "recipients":{"channels":["C0DEALS"],"roles":["owner"]},"delivery":{"mode":"digest","digestEveryMinutes":30}}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await _app.JsonAsync(response);
        var id = (long)body["id"]!;
        Assert.Equal($"/api/v1/workspaces/T0ACME/workflows/{id}", response.Headers.Location?.OriginalString);
        var saved = await _app.Workflows.GetAsync(AdminApiApp.Acme, id, _ct);
        Assert.Equal("Execs", saved!.Name);
        Assert.Equal(["Sales"], saved.Filters.Departments);
        Assert.Equal(TimeSpan.FromMinutes(30), saved.Delivery.DigestEvery);
        Assert.Equal("U0ADMIN", saved.CreatedBy);
    }

    public void Dispose() => _app.Dispose();
}
