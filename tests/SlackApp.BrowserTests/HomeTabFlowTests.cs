using Microsoft.Playwright;
using SlackApp.LocalSandbox;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>The App Home tab as a person uses it: buttons that open modals, an overflow menu, re-rendered on views.publish.</summary>
public sealed class HomeTabFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_workflow_created_from_the_home_tab_can_be_paused_from_its_overflow_menu()
    {
        var page = await sandbox.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var home = page.GetByRole(AriaRole.Region, new() { Name = "Home tab" });

        await home.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        var modal = page.GetByRole(AriaRole.Dialog, new() { Name = "New workflow" });
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Director+ promotions at customers");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "Promotion" });
        await modal.GetByLabel("Minimum seniority").SelectOptionAsync(new SelectOptionValue { Label = "Director+" });
        await modal.GetByLabel("Account status").SelectOptionAsync(new SelectOptionValue { Label = "Customer" });
        await modal.GetByLabel("DM the CSM").CheckAsync();
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        // Opened from Home there is no channel to answer in: the form itself turns into the confirmation.
        var saved = page.GetByRole(AriaRole.Dialog, new() { Name = "Workflow saved" });
        await Expect(saved).ToContainTextAsync("Created Director+ promotions at customers");
        await saved.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(saved).ToBeHiddenAsync();
        await Expect(home).ToContainTextAsync("Director+ promotions at customers");
        await Expect(home).ToContainTextAsync("On");

        await home.GetByRole(AriaRole.Button, new() { Name = "More actions: Director+ promotions at customers" }).ClickAsync();
        await home.GetByRole(AriaRole.Menuitem, new() { Name = "Pause" }).ClickAsync();

        await Expect(home).ToContainTextAsync("Paused");
    }

    [Fact]
    public async Task Show_secret_opens_a_modal_with_the_signal_secret_the_signals_panel_signs_with()
    {
        var page = await sandbox.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();

        await page.GetByRole(AriaRole.Region, new() { Name = "Home tab" }).GetByRole(AriaRole.Button, new() { Name = "Show secret" }).ClickAsync();

        var modal = page.GetByRole(AriaRole.Dialog);
        await Expect(modal).ToContainTextAsync(sandbox.App.Service<SignalsSandboxPanel>().Secret);
        await modal.GetByRole(AriaRole.Button, new() { Name = "Close dialog" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();
    }
}
