using System.Text.Json.Nodes;
using SlackApp.Sandbox.Workspace;
using static SlackApp.Sandbox.Tests.Answers;

namespace SlackApp.Sandbox.Tests.WebApi;

public sealed class SandboxViewsTests : IAsyncLifetime
{
    private SandboxTestHost _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await SandboxTestHost.StartAsync();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task A_trigger_id_opens_one_modal_for_the_person_who_acted()
    {
        var trigger = _sandbox.Workspace.IssueTrigger(SandboxSeed.Csm, SandboxSeed.General);

        var opened = await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = Modal("New workflow", Section("hello")) });

        AssertOk(opened);
        var view = Assert.Single(_sandbox.Workspace.ModalStack(SandboxSeed.Csm));
        Assert.Equal(opened["view"]!["id"]!.GetValue<string>(), view.Id);
        Assert.Equal(view.Hash, opened["view"]!["hash"]!.GetValue<string>());
        Assert.Empty(_sandbox.Workspace.ModalStack(SandboxSeed.You));
    }

    [Fact]
    public async Task A_trigger_id_is_valid_once()
    {
        var trigger = _sandbox.Workspace.IssueTrigger(SandboxSeed.You);
        AssertOk(await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = Modal("First") }));

        AssertError("exchanged_trigger_id", await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = Modal("Second") }));
    }

    [Fact]
    public async Task A_trigger_id_expires_three_seconds_after_the_interaction()
    {
        var inTime = _sandbox.Workspace.IssueTrigger(SandboxSeed.You);
        var late = _sandbox.Workspace.IssueTrigger(SandboxSeed.AccountExecutive);

        _sandbox.Clock.Advance(TimeSpan.FromMilliseconds(2900));
        AssertOk(await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = inTime, ["view"] = Modal("In time") }));
        _sandbox.Clock.Advance(TimeSpan.FromMilliseconds(200));

        AssertError("expired_trigger_id", await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = late, ["view"] = Modal("Too late") }));
        Assert.Empty(_sandbox.Workspace.ModalStack(SandboxSeed.AccountExecutive));
    }

    [Fact]
    public async Task Sandbox_TriggerLifetime_lengthens_the_three_seconds_for_slow_machines()
    {
        await using var patient = await SandboxTestHost.StartAsync(("Sandbox:TriggerLifetime", "00:00:30"));
        var inTime = patient.Workspace.IssueTrigger(SandboxSeed.You);
        var late = patient.Workspace.IssueTrigger(SandboxSeed.AccountExecutive);

        patient.Clock.Advance(TimeSpan.FromSeconds(29));
        AssertOk(await patient.CallAsync("views.open", new JsonObject { ["trigger_id"] = inTime, ["view"] = Modal("In time") }));
        patient.Clock.Advance(TimeSpan.FromSeconds(2));

        AssertError("expired_trigger_id", await patient.CallAsync("views.open", new JsonObject { ["trigger_id"] = late, ["view"] = Modal("Too late") }));
    }

    [Fact]
    public async Task An_unknown_trigger_id_is_invalid_trigger_id()
    {
        AssertError("invalid_trigger_id", await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = "123.456.abc", ["view"] = Modal("Nope") }));
    }

    [Fact]
    public async Task An_invalid_view_is_refused_with_json_pointers_and_keeps_the_trigger_unused()
    {
        var trigger = _sandbox.Workspace.IssueTrigger(SandboxSeed.You);
        var tooLongTitle = Modal(new string('t', 25));

        var refused = await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = tooLongTitle });

        AssertError("invalid_arguments", refused);
        Assert.Contains("[json-pointer:/view/title", refused["response_metadata"]!["messages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(_sandbox.Workspace.Notices, n => n.Title == "views.open answered invalid_arguments");
        AssertOk(await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = Modal("Fixed") }));
    }

    [Fact]
    public async Task Views_update_with_a_stale_hash_is_hash_conflict()
    {
        var opened = await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.You), ["view"] = Modal("v1") });
        var id = opened["view"]!["id"]!.GetValue<string>();
        var firstHash = opened["view"]!["hash"]!.GetValue<string>();
        _sandbox.Clock.Advance(TimeSpan.FromSeconds(1));

        var second = await _sandbox.CallAsync("views.update", new JsonObject { ["view_id"] = id, ["hash"] = firstHash, ["view"] = Modal("v2") });
        AssertOk(second);
        Assert.NotEqual(firstHash, second["view"]!["hash"]!.GetValue<string>());

        AssertError("hash_conflict", await _sandbox.CallAsync("views.update", new JsonObject { ["view_id"] = id, ["hash"] = firstHash, ["view"] = Modal("v3 from a stale copy") }));
        Assert.Equal("v2", _sandbox.Workspace.View(id)!.Definition["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Views_update_of_an_unknown_view_is_not_found()
    {
        AssertError("not_found", await _sandbox.CallAsync("views.update", new JsonObject { ["view_id"] = "V0GONE", ["view"] = Modal("x") }));
    }

    [Fact]
    public async Task Views_push_stacks_at_most_three_modals()
    {
        AssertOk(await _sandbox.CallAsync("views.open", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.You), ["view"] = Modal("1") }));
        AssertOk(await _sandbox.CallAsync("views.push", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.You), ["view"] = Modal("2") }));
        var third = await _sandbox.CallAsync("views.push", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.You), ["view"] = Modal("3") });
        AssertOk(third);

        AssertError("push_limit_reached", await _sandbox.CallAsync("views.push", new JsonObject { ["trigger_id"] = _sandbox.Workspace.IssueTrigger(SandboxSeed.You), ["view"] = Modal("4") }));
        var stack = _sandbox.Workspace.ModalStack(SandboxSeed.You);
        Assert.Equal(3, stack.Count);
        Assert.Equal(stack[0].Id, third["view"]!["root_view_id"]!.GetValue<string>());
        Assert.Equal(stack[1].Id, third["view"]!["previous_view_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Views_publish_sets_a_members_home_tab_and_refuses_a_stale_hash()
    {
        JsonObject home() => new() { ["type"] = "home", ["blocks"] = new JsonArray(Section("Welcome")) };
        var first = await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = SandboxSeed.AccountExecutive, ["view"] = home() });
        AssertOk(first);
        var hash = first["view"]!["hash"]!.GetValue<string>();
        _sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        AssertOk(await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = SandboxSeed.AccountExecutive, ["hash"] = hash, ["view"] = home() }));

        AssertError("hash_conflict", await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = SandboxSeed.AccountExecutive, ["hash"] = hash, ["view"] = home() }));
        AssertError("user_not_found", await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = "U0NOBODY", ["view"] = home() }));
        Assert.NotNull(_sandbox.Workspace.Home(SandboxSeed.AccountExecutive));
        Assert.Null(_sandbox.Workspace.Home(SandboxSeed.You));
    }

    [Fact]
    public async Task Views_publish_refuses_a_modal()
    {
        AssertError("invalid_arguments", await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = SandboxSeed.You, ["view"] = Modal("Not a home") }));
    }
}
