using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Tests.Interactions;

/// <summary>A read-only Messages tab (the manifest's <c>messages_tab_read_only_enabled</c>) takes no typing, as in Slack.</summary>
public sealed class SandboxMessagesTabTests
{
    [Fact]
    public async Task A_read_only_messages_tab_refuses_what_is_typed_there_but_channels_still_take_it()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(("Sandbox:MessagesTabReadOnly", "true"));

        var inDm = await ComposeAsync(sandbox, SandboxSeed.DirectMessageId(SandboxSeed.You), "hello app");
        var inChannel = await ComposeAsync(sandbox, SandboxSeed.General, "hello everyone");
        var state = (await sandbox.Client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0YOU", TestContext.Current.CancellationToken))!;

        Assert.Equal("messages_tab_read_only", inDm["error"]!.GetValue<string>());
        Assert.Empty(sandbox.Workspace.MessagesIn(SandboxSeed.DirectMessageId(SandboxSeed.You), SandboxSeed.You));
        Assert.True(inChannel["ok"]!.GetValue<bool>());
        Assert.True(state["app"]!["messages_read_only"]!.GetValue<bool>());
        Assert.Equal("A0SANDBOX", state["app"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_messages_tab_that_is_not_read_only_takes_messages()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();

        var inDm = await ComposeAsync(sandbox, SandboxSeed.DirectMessageId(SandboxSeed.You), "hello app");

        Assert.True(inDm["ok"]!.GetValue<bool>(), inDm.ToJsonString());
        Assert.Single(sandbox.Workspace.MessagesIn(SandboxSeed.DirectMessageId(SandboxSeed.You), SandboxSeed.You));
    }

    private static async Task<JsonObject> ComposeAsync(SandboxTestHost sandbox, string channel, string text)
    {
        // The app's DM opens when first used (the page opens it by showing the Messages tab).
        sandbox.Workspace.DirectMessage(SandboxSeed.You);
        var response = await sandbox.Client.PostAsJsonAsync("/sandbox/ui/compose", new { As = SandboxSeed.You, Channel = channel, Text = text }, TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }
}
