using Microsoft.Playwright;
using SlackApp.Slack.Routing;
using SlackApp.Welcome;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>The app's Messages tab as a person finds it: a welcome the first time, read-only, a way to the Home tab.</summary>
public sealed class MessagesTabTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task The_first_visit_to_the_messages_tab_shows_one_welcome_whose_button_opens_the_home_tab()
    {
        var page = await sandbox.OpenAsync("U0CSM");
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();

        var welcome = page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" }).Filter(new() { HasText = "Welcome to UserGems Signals" });
        await Expect(welcome).ToBeVisibleAsync();
        await Expect(welcome).ToContainTextAsync("/usergems workflow create");
        // Read-only, as the manifest declares: no composer, Slack's own note instead.
        await Expect(page.GetByText("Sending messages to this app has been turned off.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToBeHiddenAsync();

        await welcome.GetByRole(AriaRole.Button, new() { Name = "Open the Home tab" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Home" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Home tab" })).ToBeVisibleAsync();

        // Back to the Messages tab: Slack sends app_home_opened again, and no second welcome comes of it.
        var opened = page.WaitForResponseAsync(r => r.Url.EndsWith("/sandbox/ui/open-app", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();
        await (await opened).FinishedAsync();
        await sandbox.App.Service<ISlackBackgroundWork>().WhenIdleAsync(TestContext.Current.CancellationToken);
        await Expect(welcome).ToHaveCountAsync(1);
        Assert.Equal(WelcomeMessage.Text, Assert.Single(sandbox.App.Service<Sandbox.Workspace.SandboxWorkspace>().MessagesIn("D0CSM", "U0CSM")).Text);
    }
}
