using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Interactions;
using SlackApp.Sandbox.Workspace;
using static SlackApp.Sandbox.Tests.Answers;

namespace SlackApp.Sandbox.Tests.Interactions;

public sealed class SandboxModalTests : IAsyncLifetime
{
    private SandboxTestHost _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await SandboxTestHost.StartAsync();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task Submitting_with_a_required_input_empty_shows_slacks_own_error_on_that_field_without_asking_the_app()
    {
        var name = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = "name",
            ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Workflow name" },
            ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "value" },
        };
        var note = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = "note",
            ["optional"] = true,
            ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Note" },
            ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "value" },
        };
        var opened = await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.You), ["view"] = Modal("New workflow", name, note) });
        var viewId = opened["view"]!["id"]!.GetValue<string>();

        var response = await _sandbox.Client.PostAsJsonAsync(
            "/sandbox/ui/submit",
            new { As = SandboxSeed.You, ViewId = viewId, Values = new Dictionary<string, Dictionary<string, string[]>> { ["name"] = new() { ["value"] = ["   "] } } },
            TestContext.Current.CancellationToken);

        var outcome = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.False(outcome["ok"]!.GetValue<bool>());
        var view = Assert.Single(_sandbox.Workspace.ModalStack(SandboxSeed.You));
        Assert.Equal(SandboxModals.RequiredFieldError, view.Errors["name"]);
        Assert.False(view.Errors.ContainsKey("note"));
        // No app is behind this sandbox: had the submission been sent, it would have failed and left a banner.
        Assert.Empty(_sandbox.Workspace.Notices);
    }

    [Fact]
    public async Task The_page_state_shows_a_members_conversations_messages_and_open_modal()
    {
        await _sandbox.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = SandboxSeed.General, ["user"] = SandboxSeed.AccountExecutive, ["text"] = "just for Avery" });
        await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.AccountExecutive), ["view"] = Modal("Avery's modal") });

        var asAvery = (await _sandbox.Client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0AE", TestContext.Current.CancellationToken))!;
        var asYou = (await _sandbox.Client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0YOU", TestContext.Current.CancellationToken))!;

        Assert.Equal("Avery's modal", asAvery["modal"]!["title"]!["text"]!.GetValue<string>());
        Assert.Single(asAvery["messages"]![SandboxSeed.General]!.AsArray());
        Assert.Null(asYou["modal"]);
        Assert.Empty(asYou["messages"]![SandboxSeed.General]!.AsArray());
        var channels = asAvery["channels"]!.AsArray().Select(c => c!["name"]?.GetValue<string>()).ToList();
        Assert.Contains("deal-desk", channels);
        Assert.DoesNotContain("leadership", channels);
    }

    [Fact]
    public async Task The_page_serves_its_html_and_scripts()
    {
        var html = await _sandbox.Client.GetStringAsync("/sandbox", TestContext.Current.CancellationToken);
        var script = await _sandbox.Client.GetAsync("/sandbox/assets/sandbox.js", TestContext.Current.CancellationToken);

        Assert.Contains("<label for=\"acting-as\">Acting as</label>", html, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _sandbox.Client.GetAsync("/sandbox/assets/..%2Fsecrets.json", TestContext.Current.CancellationToken)).StatusCode);
    }
}
