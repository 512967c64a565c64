using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using SlackApp.Workflows;

namespace SlackApp.BrowserTests;

/// <summary>A signal becomes notifications in the sandbox, and the Account Executive acknowledges theirs.</summary>
public sealed class NotificationFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_sample_signal_reaches_the_AE_by_DM_and_ae_alerts_and_the_AE_acknowledges_it()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Execs joining Closed Lost");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "New hire" });
        await modal.GetByLabel("Minimum seniority").SelectOptionAsync(new SelectOptionValue { Label = "Director+" });
        await modal.GetByLabel("Account status").SelectOptionAsync(new SelectOptionValue { Label = "Closed Lost" });
        await modal.GetByLabel("DM the Account owner (AE)").CheckAsync();
        await modal.GetByLabel("Post to channels").SelectOptionAsync(new SelectOptionValue { Label = "#ae-alerts" });
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a signal" }).ClickAsync();
        await page.GetByLabel("Sample signal").SelectOptionAsync(new SelectOptionValue { Label = "New executive at a Closed Lost account" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send signal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Signal response" })).ToContainTextAsync("202 Accepted");

        await page.GetByRole(AriaRole.Button, new() { Name = "#ae-alerts" }).ClickAsync();
        var post = page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" }).Filter(new() { HasText = "Jane Doe joined Acme Corp as VP of Sales" });
        await Expect(post).ToBeVisibleAsync();
        await Expect(post).ToContainTextAsync("Execs joining Closed Lost");
        // The channel copy names the owner as a person, not an email, and does not speak to one reader.
        await Expect(post).ToContainTextAsync("@Avery Ames");
        await Expect(post).Not.ToContainTextAsync("You own this account");

        await page.GetByLabel("Acting as").SelectOptionAsync("U0AE");
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();
        var dm = page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" }).Filter(new() { HasText = "Jane Doe joined Acme Corp as VP of Sales" });
        await Expect(dm).ToBeVisibleAsync();
        await Expect(dm.GetByRole(AriaRole.Heading)).ToContainTextAsync("Jane Doe joined Acme Corp as VP of Sales");
        await Expect(dm).ToContainTextAsync("You own this account");
        await Expect(dm).ToContainTextAsync("VP meets Director+");
        // Opening the Messages tab the first time also posts the welcome, which redraws the conversation: wait for it,
        // or the screenshot can catch the message being replaced ("Element is not attached to the DOM").
        await Expect(page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" }).Filter(new() { HasText = "Welcome to UserGems Signals" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "notification", dm);
        await dm.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Expect(dm).ToContainTextAsync("Acknowledged by @Avery Ames");
        await Expect(dm.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToHaveCountAsync(0);
        await Expect(dm.GetByRole(AriaRole.Button, new() { Name = "Open in Salesforce" })).ToBeVisibleAsync();
    }
}
