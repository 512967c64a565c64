using System.Text.Json.Nodes;
using SlackApp.ApiKeys;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Home;

/// <summary>
/// Admins make and revoke the admin API's keys from the Home tab: a modal lists the live keys with their last use,
/// a new key is shown once in the submission's answer, and Revoke works only on the clicker's own workspace's keys.
/// </summary>
public sealed class ApiKeysHomeTests : IDisposable
{
    private static readonly Workspace Other = new("T0OTHER");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkflowApp _app = new();

    private ApiKeyRepository Keys => _app.Factory.Service<ApiKeyRepository>();

    [Fact]
    public async Task The_modal_lists_live_keys_with_their_prefix_and_counts_the_revoked_ones()
    {
        var ci = await Keys.CreateAsync(WorkflowApp.Acme, "ci", "U0ADMIN", _ct);
        var old = await Keys.CreateAsync(WorkflowApp.Acme, "old-terraform", "U0CAROL", _ct);
        await Keys.RevokeAsync(WorkflowApp.Acme, old.Key.Id, "U0ADMIN", _ct);

        await _app.SendAsync(ButtonInHome(HomeActionIds.ApiKeys, "home.secret", "api_keys"));

        var listed = _app.LastView("views.update").ToJsonString();
        Assert.Contains("*ci*", listed, StringComparison.Ordinal);
        Assert.Contains(ci.Key.Prefix, listed, StringComparison.Ordinal);
        Assert.Contains("never used", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("old-terraform", listed, StringComparison.Ordinal);
        Assert.Contains("1 revoked key", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(ci.Plaintext, listed, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Creating_a_key_shows_it_once_in_the_answer_and_it_then_authenticates()
    {
        await _app.SendAsync(ButtonInHome(HomeActionIds.ApiKeys, "home.secret", "api_keys"));

        var ack = JsonNode.Parse(await _app.SendAsync(Submission(_app.LastView("views.update"), Name("ci"))))!.AsObject();

        Assert.Equal("update", (string?)ack["response_action"]);
        var shown = System.Text.RegularExpressions.Regex.Match(ack["view"]!.ToJsonString(), "ugk_[A-Za-z0-9_-]+").Value;
        var found = await Keys.FindAsync(shown, _ct);
        Assert.NotNull(found);
        Assert.Equal(("T0ACME", "ci", "U0ADMIN"), (found.TeamId, found.Name, found.CreatedBy));
        // Shown in the ack alone: no Slack call after it carries the key.
        Assert.DoesNotContain(_app.Slack.Calls, call => call.Body.ToJsonString().Contains(shown, StringComparison.Ordinal));
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_key_without_a_name_is_refused_on_its_field_and_none_is_made(string name)
    {
        await _app.SendAsync(ButtonInHome(HomeActionIds.ApiKeys, "home.secret", "api_keys"));

        var errors = WorkflowModalFlowTests.Errors(await _app.SendAsync(Submission(_app.LastView("views.update"), Name(name))));

        Assert.Equal([ApiKeysModal.NameBlock], errors.Keys);
        Assert.Empty(await Keys.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task Revoke_refuses_the_key_from_then_on_and_redraws_the_modal_over_the_same_view()
    {
        var ci = await Keys.CreateAsync(WorkflowApp.Acme, "ci", "U0ADMIN", _ct);

        await _app.SendAsync(RevokeClick(ci.Key.Id));

        Assert.True((await Keys.FindAsync(ci.Plaintext, _ct))!.IsRevoked);
        var update = _app.Slack.CallsTo("views.update").Single();
        Assert.Equal(("V0KEYS01", "1700000000.keys"), (update.Field("view_id"), update.Field("hash")));
        Assert.Contains("No keys yet.", update.Body["view"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Revoke_with_another_workspaces_key_id_leaves_that_key_alone()
    {
        var theirs = await Keys.CreateAsync(Other, "theirs", "U0THEM", _ct);

        await _app.SendAsync(RevokeClick(theirs.Key.Id));

        Assert.False((await Keys.FindAsync(theirs.Plaintext, _ct))!.IsRevoked);
        Assert.DoesNotContain("theirs", _app.Slack.CallsTo("views.update").Single().Body["view"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("U0MIA")] // a workflow manager: keys are admins' alone
    [InlineData("U0BOB")]
    public async Task Anyone_but_an_admin_is_refused_before_a_modal_opens_and_cannot_revoke(string userId)
    {
        var ci = await Keys.CreateAsync(WorkflowApp.Acme, "ci", "U0ADMIN", _ct);

        await _app.SendAsync(ButtonInHome(HomeActionIds.ApiKeys, "home.secret", "api_keys", userId));
        await _app.SendAsync(RevokeClick(ci.Key.Id, userId));

        Assert.DoesNotContain(_app.Slack.CallsTo("views.open"), c => (string?)c.Body["view"]!["title"]!["text"] == ApiKeysModal.Title);
        Assert.Empty(_app.Slack.CallsTo("views.update"));
        Assert.False((await Keys.FindAsync(ci.Plaintext, _ct))!.IsRevoked);
    }

    [Theory]
    [InlineData("U0ADMIN", true)]
    [InlineData("U0CAROL", true)]
    [InlineData("U0MIA", false)]
    [InlineData("U0BOB", false)]
    public async Task Only_admins_see_the_api_keys_button_on_the_home_tab(string userId, bool shown)
    {
        await _app.SendAsync(HomeOpened(userId));

        var home = _app.Slack.CallsTo("views.publish").Last().Body["view"]!.ToJsonString();
        Assert.Equal(shown, home.Contains(HomeActionIds.ApiKeys + "\"", StringComparison.Ordinal));
    }

    public void Dispose() => _app.Dispose();

    private static JsonObject Name(string name) => new()
    {
        [ApiKeysModal.NameBlock] = new JsonObject { [ApiKeysModal.NameAction] = Text(name) },
    };

    private static HttpRequestMessage RevokeClick(long keyId, string userId = "U0ADMIN") =>
        SlackRequests.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["team_id"] = "T0ACME" },
            ["api_app_id"] = "A0KRD7HC3",
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0KEYS01" },
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e4",
            ["team"] = new JsonObject { ["id"] = "T0ACME", ["domain"] = "acme" },
            ["is_enterprise_install"] = false,
            ["view"] = new JsonObject
            {
                ["id"] = "V0KEYS01",
                ["team_id"] = "T0ACME",
                ["type"] = "modal",
                ["blocks"] = new JsonArray(),
                ["callback_id"] = ApiKeysModal.CallbackId,
                ["state"] = new JsonObject { ["values"] = new JsonObject() },
                ["hash"] = "1700000000.keys",
                ["root_view_id"] = "V0KEYS01",
                ["app_id"] = "A0KRD7HC3",
                ["app_installed_team_id"] = "T0ACME",
            },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = HomeActionIds.RevokeApiKey,
                ["block_id"] = $"api_key.{keyId}",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Revoke", ["emoji"] = true },
                ["value"] = keyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["action_ts"] = "1700000001.000200",
            }),
        });
}
