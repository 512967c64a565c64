using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>A person in a channel claims a signal, someone else is told who has it, and the thread keeps the history.</summary>
public sealed class ClaimFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_claim_in_a_channel_shows_in_place_only_the_claimer_may_release_and_the_thread_tells_what_happened()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("New executives");
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "New hire" });
        await modal.GetByLabel("Post to channels").SelectOptionAsync(new SelectOptionValue { Label = "#ae-alerts" });
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a signal" }).ClickAsync();
        await page.GetByLabel("Sample signal").SelectOptionAsync(new SelectOptionValue { Label = "New executive at a Closed Lost account" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send signal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Signal response" })).ToContainTextAsync("202 Accepted");

        await page.GetByRole(AriaRole.Button, new() { Name = "#ae-alerts" }).ClickAsync();
        var post = page.Locator("#messages > article").Filter(new() { HasText = "Jane Doe joined Acme Corp as VP of Sales" });
        await post.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(post).ToContainTextAsync("Claimed by @");
        await Expect(post.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeVisibleAsync();
        var thread = post.GetByRole(AriaRole.Region, new() { Name = "Thread: 1 reply" });
        await Expect(thread).ToContainTextAsync("claimed Jane Doe (Acme Corp)");

        await page.GetByLabel("Acting as").SelectOptionAsync("U0AE");
        // Someone else sees Release too (one message for the whole channel); Slack has no per-viewer buttons.
        await post.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "who claimed it, can release it." })).ToBeVisibleAsync();
        await Expect(post).ToContainTextAsync("Claimed by @");

        await post.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(post).ToContainTextAsync("Acknowledged by @Avery Ames");
        await Expect(post.GetByRole(AriaRole.Region, new() { Name = "Thread: 2 replies" })).ToContainTextAsync("acknowledged Jane Doe (Acme Corp)");
        await Screenshots.SaveAsync(page, "thread", post);
    }
}
