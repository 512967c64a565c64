using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Workspace;
using static SlackApp.Sandbox.Tests.Answers;

namespace SlackApp.Sandbox.Tests.Interactions;

public sealed class SandboxResponseUrlTests : IAsyncLifetime
{
    private SandboxTestHost _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await SandboxTestHost.StartAsync();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task Replace_original_replaces_the_message_that_was_clicked()
    {
        var ts = (await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.AeAlerts, ["text"] = "Acknowledge me" }))["ts"]!.GetValue<string>();
        var grant = _sandbox.Workspace.IssueResponseUrl(SandboxSeed.AccountExecutive, SandboxSeed.AeAlerts, ts);

        var response = await PostAsync(grant.Id, new JsonObject { ["replace_original"] = true, ["text"] = "Acknowledged", ["blocks"] = new JsonArray(Section("Acknowledged by <@U0AE>")) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.You));
        Assert.Equal(ts, message.Ts);
        Assert.Equal("Acknowledged", message.Text);
        Assert.False(message.IsEphemeral);
    }

    [Fact]
    public async Task A_reply_without_replace_original_is_a_new_ephemeral_message_for_the_person_who_acted()
    {
        var grant = _sandbox.Workspace.IssueResponseUrl(SandboxSeed.AccountExecutive, SandboxSeed.AeAlerts, messageTs: null);

        await PostAsync(grant.Id, new JsonObject { ["replace_original"] = false, ["text"] = "Already acknowledged by <@U0YOU>" });

        Assert.True(Assert.Single(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.AccountExecutive)).IsEphemeral);
        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.You));
    }

    [Fact]
    public async Task Delete_original_removes_the_message()
    {
        var ts = (await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.General, ["text"] = "bye" }))["ts"]!.GetValue<string>();
        var grant = _sandbox.Workspace.IssueResponseUrl(SandboxSeed.You, SandboxSeed.General, ts);

        await PostAsync(grant.Id, new JsonObject { ["delete_original"] = true });

        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.General, SandboxSeed.You));
    }

    [Fact]
    public async Task A_response_url_answers_five_times_then_is_refused()
    {
        var grant = _sandbox.Workspace.IssueResponseUrl(SandboxSeed.You, SandboxSeed.General, messageTs: null);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(grant.Id, new JsonObject { ["text"] = $"reply {i}" })).StatusCode);
        }

        var sixth = await PostAsync(grant.Id, new JsonObject { ["text"] = "one too many" });

        Assert.Equal(HttpStatusCode.NotFound, sixth.StatusCode);
        Assert.Equal("expired_url", (await sixth.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_response_url_expires_after_thirty_minutes()
    {
        var grant = _sandbox.Workspace.IssueResponseUrl(SandboxSeed.You, SandboxSeed.General, messageTs: null);
        _sandbox.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(grant.Id, new JsonObject { ["text"] = "late" })).StatusCode);
    }

    [Fact]
    public async Task A_reply_with_invalid_blocks_is_refused_and_shown_as_a_banner()
    {
        var grant = _sandbox.Workspace.IssueResponseUrl(SandboxSeed.You, SandboxSeed.General, messageTs: null);
        var badButton = new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('b', 80) } }),
        };

        var response = await PostAsync(grant.Id, new JsonObject { ["text"] = "fallback", ["blocks"] = new JsonArray(badButton) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.General, SandboxSeed.You));
        var notice = Assert.Single(_sandbox.Workspace.Notices);
        Assert.Contains("/blocks/0/elements/0/text", Assert.Single(notice.Details), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string id, JsonObject body) =>
        _sandbox.Client.PostAsJsonAsync($"/sandbox/response/{id}", body, TestContext.Current.CancellationToken);
}
