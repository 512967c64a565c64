using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>The AE snoozes a DM for a day: it collapses to one line saying until when.</summary>
public sealed class SnoozeFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_dm_snoozed_for_one_day_collapses_to_say_until_when()
    {
        var page = await sandbox.OpenAsync();
        await WrongOwnerFlowTests.DmTheAeAsync(page, "Owners told of new execs");

        var dm = await WrongOwnerFlowTests.OwnDmAsync(page, "U0AE");
        await dm.GetByRole(AriaRole.Button, new() { Name = "Snooze…" }).ClickAsync();
        var modal = page.GetByRole(AriaRole.Dialog, new() { Name = "Snooze" });
        await Expect(modal).ToBeVisibleAsync();
        await modal.GetByLabel("1 day").CheckAsync();
        await modal.GetByRole(AriaRole.Button, new() { Name = "Snooze", Exact = true }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        await Expect(dm).ToContainTextAsync("Snoozed until");
        await Expect(dm).ToContainTextAsync("It comes back to you as a DM then.");
        await Expect(dm.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
    }
}
