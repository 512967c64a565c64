using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SlackApp.Notifications;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>How the sandbox page renders and delivers what a person does, as Slack's client would.</summary>
public sealed class SandboxRendererTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    private SandboxWorkspace Workspace => sandbox.App.Service<SandboxWorkspace>();

    [Fact]
    public async Task Saving_with_an_error_below_the_fold_scrolls_that_field_into_view()
    {
        var page = await sandbox.OpenAsync();
        // Twenty optional fields, then a required one: far below the fold of the modal.
        var blocks = new JsonArray([.. Enumerable.Range(1, 20).Select(i => (JsonNode)Input($"note{i}", $"Note {i}", optional: true)), Input("last", "Last field", optional: false)]);
        Workspace.OpenModal("U0YOU", new JsonObject
        {
            ["type"] = "modal",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Long form" },
            ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Save" },
            ["blocks"] = blocks,
        }, channelId: null);
        var modal = page.GetByRole(AriaRole.Dialog, new() { Name = "Long form" });
        var last = modal.GetByLabel("Last field");
        await Expect(last).Not.ToBeInViewportAsync();

        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(last).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(last).ToBeInViewportAsync();
        await Expect(modal.GetByRole(AriaRole.Alert)).ToBeInViewportAsync();
    }

    [Fact]
    public async Task A_click_on_a_button_someone_else_removed_meanwhile_reaches_the_app_and_shows_its_answer()
    {
        var page = await sandbox.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "#general" }).ClickAsync();
        // The page's state answers pass through here; once holding, they wait for the release (a page lagging behind).
        var holding = false;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/sandbox/ui/state**", async route =>
        {
            var answer = await route.FetchAsync();
            if (holding)
            {
                await release.Task;
            }

            await route.FulfillAsync(new() { Response = answer });
        });
        var message = Workspace.Post(SandboxSeed.General, SandboxIdentity.BotUserId, "New executive at Globex", new JsonArray(new JsonObject
        {
            ["type"] = "actions",
            ["block_id"] = "notification.actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = NotificationActions.Acknowledge,
                ["value"] = "424242",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge" },
            }),
        }));
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" });
        await Expect(button).ToBeVisibleAsync();

        // This page falls behind: it still shows the button when another person's click replaces the message.
        holding = true;
        Workspace.Replace(message, "New executive at Globex", new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["block_id"] = "notification.done",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "Acknowledged by <@U0AE>" },
        }));
        var delivered = page.WaitForResponseAsync(r => r.Url.EndsWith("/sandbox/ui/action", StringComparison.Ordinal));
        await button.ClickAsync();
        var outcome = await (await delivered).JsonAsync();
        release.SetResult();

        Assert.True(outcome?.GetProperty("ok").GetBoolean(), outcome?.ToString());
        // The app's own answer to a click it cannot match, only visible to the person who clicked.
        await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = ClickedItem.NotFoundText })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("not delivered");
    }

    [Fact]
    public async Task Switching_who_is_acting_shows_only_that_persons_own_dm_with_the_app()
    {
        var page = await sandbox.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();
        Workspace.Post(SandboxSeed.DirectMessageId(SandboxSeed.You), SandboxIdentity.BotUserId, "For your eyes only", blocks: null);
        var mine = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "For your eyes only" });
        await Expect(mine).ToBeVisibleAsync();

        await page.GetByLabel("Acting as").SelectOptionAsync(SandboxSeed.AccountExecutive);

        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Messages" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "Welcome to UserGems Signals" })).ToBeVisibleAsync();
        await Expect(mine).ToHaveCountAsync(0);
        // Avery's sidebar lists Avery's conversations: #leadership (You and the CSM only) is not among them.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "#leadership (private)" })).ToHaveCountAsync(0);
    }

    private static JsonObject Input(string blockId, string label, bool optional) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["optional"] = optional,
        ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["element"] = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "value" },
    };
}
