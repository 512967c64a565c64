using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>Several signals in a row land in one channel as separate notifications that still read apart at a glance.</summary>
public sealed class NotificationBurstTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_burst_of_signals_reads_as_one_headline_per_notification_in_the_channel()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync("Every move at our accounts");
        await modal.GetByLabel("When").SelectOptionAsync([new SelectOptionValue { Label = "New hire" }, new SelectOptionValue { Label = "Promotion" }, new SelectOptionValue { Label = "Job change" }]);
        await modal.GetByLabel("Post to channels").SelectOptionAsync(new SelectOptionValue { Label = "#ae-alerts" });
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        await SendEverySampleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "#ae-alerts" }).ClickAsync();
        var posts = page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" });
        await Expect(posts).ToHaveCountAsync(3);
        // The channel is paced (about one message a second), so the order they land in is not asserted.
        string[] headlines =
        [
            "Jane Doe joined Acme Corp as VP of Sales",
            "Luis Ortega was promoted to Director of Operations at Initech",
            "Past champion Priya Raman joined Umbrella Health as Head of Revenue Operations",
        ];
        foreach (var headline in headlines)
        {
            await Expect(posts.GetByRole(AriaRole.Heading).Filter(new() { HasText = headline })).ToHaveCountAsync(1);
        }

        // Tall enough for the three messages whole.
        await page.SetViewportSizeAsync(1280, 1200);
        await Screenshots.SaveAsync(page, "notification-burst", page.GetByRole(AriaRole.Log, new() { Name = "Messages" }));
    }

    /// <summary>The sandbox's three sample signals (one per signal type, at three accounts), sent from its panel and accepted.</summary>
    internal static async Task<int> SendEverySampleAsync(IPage page)
    {
        string[] samples = ["New executive at a Closed Lost account", "Director+ promoted at a Customer account", "Past champion joined a target account"];
        foreach (var sample in samples)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Send a signal" }).ClickAsync();
            await page.GetByLabel("Sample signal").SelectOptionAsync(new SelectOptionValue { Label = sample });
            await page.GetByRole(AriaRole.Button, new() { Name = "Send signal" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Signal response" })).ToContainTextAsync("202 Accepted");
        }

        return samples.Length;
    }
}
