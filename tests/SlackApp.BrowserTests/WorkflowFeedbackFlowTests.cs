using Microsoft.Playwright;
using SlackApp.Sandbox.Workspace;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>
/// What a person sees after acting: a confirmation where they asked, a test announced where they typed it, and only
/// the actions their rights allow on the Home tab.
/// </summary>
public sealed class WorkflowFeedbackFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task Saving_a_workflow_typed_in_a_channel_confirms_it_there_and_a_test_says_where_it_went()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        // The channel the command was typed in is where the workflow posts unless changed.
        await Expect(modal.GetByLabel("Post to channels")).ToHaveValuesAsync([SandboxSeed.General]);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Champions on the move");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "Job change" });
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        var confirmation = Ephemeral(page, "Created Champions on the move");
        await Expect(confirmation).ToBeVisibleAsync();
        await Expect(confirmation).ToContainTextAsync("Only visible to you");
        await Expect(confirmation).ToContainTextAsync("It notifies as signals arrive.");

        var composer = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await composer.FillAsync("/usergems workflow test Champions on the move");
        await composer.PressAsync("Enter");

        var sent = Ephemeral(page, "Sent you a test notification of Champions on the move");
        await Expect(sent).ToBeVisibleAsync();
        await Expect(sent.GetByRole(AriaRole.Link, new() { Name = "your DM with the app" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_member_is_offered_send_test_and_told_whom_to_ask_instead_of_buttons_that_would_refuse()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Promotions for members to test");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "Promotion" });
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        var member = await sandbox.OpenAsync(SandboxSeed.Member);
        await member.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var home = member.GetByRole(AriaRole.Region, new() { Name = "Home tab" });

        await Expect(home).ToContainTextAsync("Workflow managers:");
        await Expect(home).ToContainTextAsync("You can list and test workflows. To change them or the settings, ask");
        await Expect(home.GetByRole(AriaRole.Button, new() { Name = "New workflow" })).ToHaveCountAsync(0);
        await Expect(home.GetByRole(AriaRole.Button, new() { Name = "Settings" })).ToHaveCountAsync(0);
        await Expect(home.GetByRole(AriaRole.Button, new() { Name = "More actions: Promotions for members to test" })).ToHaveCountAsync(0);

        await home.GetByRole(AriaRole.Button, new() { Name = "Send test: Promotions for members to test" }).ClickAsync();

        var notice = member.GetByRole(AriaRole.Dialog);
        await Expect(notice).ToContainTextAsync("Sent you a test notification of Promotions for members to test");
    }

    private static ILocator Ephemeral(IPage page, string text) =>
        page.GetByRole(AriaRole.Log, new() { Name = "Messages" })
            .GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" })
            .Filter(new() { HasText = text });
}
