using Microsoft.Playwright;
using SlackApp.Sandbox.Workspace;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>
/// What a person sees of the modal's shape, of a Salesforce address that is not Salesforce's, and of other people's
/// notifications on the Home tab.
/// </summary>
public sealed class SettingsAndPrivacyFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task The_workflow_modal_groups_its_inputs_under_trigger_filters_recipients_and_delivery()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);

        foreach (var heading in new[] { "Trigger", "Filters", "Recipients", "Delivery" })
        {
            await Expect(modal.GetByText(heading, new() { Exact = true })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Settings_refuse_a_salesforce_address_that_is_not_salesforces_with_the_reason_on_the_field()
    {
        var page = await sandbox.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var home = page.GetByRole(AriaRole.Region, new() { Name = "Home tab" });
        await home.GetByRole(AriaRole.Button, new() { Name = "Settings" }).ClickAsync();
        var settings = page.GetByRole(AriaRole.Dialog, new() { Name = "Settings" });

        await settings.GetByLabel("Salesforce base URL").FillAsync("https://evil.example.com/phish");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(settings).ToContainTextAsync("evil.example.com is not a Salesforce address");
        await Expect(settings).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_test_sent_to_an_admin_shows_on_their_home_tab_but_not_on_a_members()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Private tests");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "New hire" });
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        var composer = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await composer.FillAsync("/usergems workflow test Private tests");
        await composer.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Home" }).ClickAsync();
        var home = page.GetByRole(AriaRole.Region, new() { Name = "Home tab" });
        await Expect(home).ToContainTextAsync("Test: ");

        var member = await sandbox.OpenAsync(SandboxSeed.Member);
        await member.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var memberHome = member.GetByRole(AriaRole.Region, new() { Name = "Home tab" });
        await Expect(memberHome).ToContainTextAsync("Recent notifications");
        await Expect(memberHome).Not.ToContainTextAsync("Test: ");
    }
}
