using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>A person configures workflows in the sandbox as they would in Slack: slash command, modal, Home tab.</summary>
public sealed class WorkflowFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task Typing_the_create_command_opens_the_modal_and_the_saved_workflow_shows_in_the_home_tab()
    {
        var page = await sandbox.OpenAsync();

        var modal = await OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Execs joining Closed Lost");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "New hire" });
        await modal.GetByLabel("Minimum seniority").SelectOptionAsync(new SelectOptionValue { Label = "Director+" });
        await modal.GetByLabel("Account status").SelectOptionAsync(new SelectOptionValue { Label = "Closed Lost" });
        await modal.GetByLabel("DM the Account owner (AE)").CheckAsync();
        await modal.GetByLabel("Post to channels").SelectOptionAsync(new SelectOptionValue { Label = "#ae-alerts" });
        await page.Locator(".modal-body").EvaluateAsync("body => body.scrollTop = 0");
        await Screenshots.SaveAsync(page, "modal", page.Locator(".modal"));
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(modal).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var home = page.GetByRole(AriaRole.Region, new() { Name = "Home tab" });
        await Expect(home).ToContainTextAsync("Execs joining Closed Lost");
        await Expect(home).ToContainTextAsync("#ae-alerts");
        await Screenshots.SaveAsync(page, "home");
    }

    [Fact]
    public async Task Saving_the_modal_with_an_empty_name_shows_the_error_on_the_name_field()
    {
        var page = await sandbox.OpenAsync();

        var modal = await OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "Promotion" });
        await modal.GetByLabel("DM the CSM").CheckAsync();
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var name = modal.GetByLabel("Name", new() { Exact = true });
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(modal.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Please complete this required field.");
        await Expect(modal).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_name_already_taken_gets_the_apps_own_error_on_the_name_field()
    {
        var page = await sandbox.OpenAsync();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var modal = await OpenNewWorkflowModalAsync(page);
            await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Promotions at customers");
            await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "Promotion" });
            await modal.GetByLabel("DM the CSM").CheckAsync();
            await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            if (attempt == 0)
            {
                await Expect(modal).ToBeHiddenAsync();
                continue;
            }

            // The app answered response_action: errors; the sandbox shows it under the block it names.
            await Expect(modal.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Another workflow in this workspace already has this name.");
            await Expect(modal.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        }
    }

    internal static async Task<ILocator> OpenNewWorkflowModalAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "#general" }).ClickAsync();
        var composer = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await composer.FillAsync("/usergems workflow create");
        await composer.PressAsync("Enter");
        var modal = page.GetByRole(AriaRole.Dialog, new() { Name = "New workflow" });
        await Expect(modal).ToBeVisibleAsync();
        return modal;
    }
}
