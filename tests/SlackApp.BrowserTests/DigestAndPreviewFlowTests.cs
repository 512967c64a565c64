using System.Globalization;
using Dapper;
using Microsoft.Playwright;
using SlackApp.Data;
using SlackApp.Notifications;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>A digest workflow's signals arrive together in one message, and the workflow modal's Preview counts them.</summary>
public sealed class DigestAndPreviewFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_daily_digest_brings_the_days_signals_in_one_message_and_a_preview_counts_them()
    {
        var page = await sandbox.OpenAsync();
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await FillAsync(modal, "Daily digest of moves");
        // Twelve hours from now: the digest's time cannot come while the test runs, only when the test says so.
        var at = DateTimeOffset.UtcNow.AddHours(12).ToString("HH:mm", CultureInfo.InvariantCulture);
        await modal.GetByRole(AriaRole.Radio, new() { Name = "Daily digest at…" }).CheckAsync();
        await modal.Locator("input[data-block-id=daily_at]").FillAsync(at);
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        var sent = await NotificationBurstTests.SendEverySampleAsync(page);

        await PlannedAndHeldAsync(sent);
        await DigestTimeComesAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "#ae-alerts" }).ClickAsync();
        var post = page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" });
        await Expect(post).ToHaveCountAsync(1);
        await Expect(post).ToContainTextAsync("3 new signals");
        await Expect(post).ToContainTextAsync("Jane Doe");
        await Expect(post).ToContainTextAsync("Priya Raman");
        await Expect(post.GetByRole(AriaRole.Button, new() { Name = "Acknowledge all" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "digest", post);

        var draft = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await FillAsync(draft, "Instant moves");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Dialog, new() { Name = "Preview" });
        await Expect(preview).ToContainTextAsync("would have matched 3 signals of the 3 received");
        await Expect(preview).ToContainTextAsync("3 Slack messages");
        await Screenshots.SaveAsync(page, "preview", page.Locator(".modal"));
        await preview.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "New workflow" })).ToBeVisibleAsync();
    }

    private static async Task FillAsync(ILocator modal, string name)
    {
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await modal.GetByLabel("When").SelectOptionAsync([new SelectOptionValue { Label = "New hire" }, new SelectOptionValue { Label = "Promotion" }, new SelectOptionValue { Label = "Job change" }]);
        await modal.GetByLabel("Post to channels").SelectOptionAsync(new SelectOptionValue { Label = "#ae-alerts" });
    }

    // The signals are on disk (202); one matching pass plans every one of them: passes never interleave, so a pass
    // the hosted worker had started with them finishes first, and otherwise this one claims them.
    private async Task PlannedAndHeldAsync(int items)
    {
        await sandbox.App.Service<SlackApp.Signals.SignalMatchingWorker>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(items, await CountAsync($"SELECT COUNT(*) FROM notification_deliveries WHERE status = '{DeliveryStatus.Held}'"));
    }

    // The day's digest time arrives: the held items are due now, and the delivery worker is woken as by its timer.
    private async Task DigestTimeComesAsync()
    {
        await using var connection = await sandbox.App.Service<DbConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            $"UPDATE notification_deliveries SET next_attempt_at = @Now WHERE status = '{DeliveryStatus.Held}'",
            new { Now = DateTimeOffset.UtcNow });
        sandbox.App.Service<NotificationDeliveryTrigger>().Wake();
    }

    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await sandbox.App.Service<DbConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>(sql);
    }
}
