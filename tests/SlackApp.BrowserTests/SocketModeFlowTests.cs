using Microsoft.Playwright;
using SlackApp.Slack.SocketMode;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>The workflow flow with the sandbox in Socket Mode: the page behaves as over HTTP, through a real WebSocket.</summary>
public sealed class SocketModeFlowTests(SocketModeSandboxBrowser browser) : IClassFixture<SocketModeSandboxBrowser>
{
    private readonly SandboxBrowser _sandbox = browser.Sandbox;

    [Fact]
    public async Task Over_socket_mode_the_create_command_opens_the_modal_and_the_saved_workflow_shows_in_the_home_tab()
    {
        var page = await _sandbox.OpenAsync();
        Assert.True(_sandbox.App.Service<ISocketModeStatus>().IsOpen);

        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Execs over the socket");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "New hire" });
        await modal.GetByLabel("DM the Account owner (AE)").CheckAsync();
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(modal).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var home = page.GetByRole(AriaRole.Region, new() { Name = "Home tab" });
        await Expect(home).ToContainTextAsync("Execs over the socket");
    }
}
