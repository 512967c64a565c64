using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>The AE says a DM is not theirs: the person they pick gets it, saying who forwarded it and why.</summary>
public sealed class WrongOwnerFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    private const string Headline = "Jane Doe joined Acme Corp as VP of Sales";

    [Fact]
    public async Task The_AE_forwards_a_dm_to_the_real_owner_who_sees_who_forwarded_it_and_why()
    {
        var page = await sandbox.OpenAsync();
        await DmTheAeAsync(page, "Owners told of new execs");

        var dm = await OwnDmAsync(page, "U0AE");
        await Expect(dm).ToContainTextAsync("You own this account");
        await dm.GetByRole(AriaRole.Button, new() { Name = "Wrong owner" }).ClickAsync();
        var modal = page.GetByRole(AriaRole.Dialog, new() { Name = "Wrong owner" });
        await Expect(modal).ToBeVisibleAsync();
        await modal.GetByLabel("Who owns this account?").SelectOptionAsync(new SelectOptionValue { Label = "Morgan Moss (@morgan)" });
        await modal.GetByLabel("Why").FillAsync("Morgan took over Acme");
        await modal.GetByRole(AriaRole.Button, new() { Name = "Forward" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();

        await Expect(dm).ToContainTextAsync("Forwarded to @Morgan Moss by @Avery Ames");
        await Expect(dm.GetByRole(AriaRole.Button, new() { Name = "Wrong owner" })).ToHaveCountAsync(0);

        var forwarded = await OwnDmAsync(page, "U0MEMBER");
        await Expect(forwarded).ToContainTextAsync("Forwarded by @Avery Ames: “Morgan took over Acme”");
        await Expect(forwarded).ToContainTextAsync("You own this account");
    }

    /// <summary>As an admin, a workflow that DMs the account owner, and a sample signal for it.</summary>
    internal static async Task DmTheAeAsync(IPage page, string workflowName)
    {
        var modal = await WorkflowFlowTests.OpenNewWorkflowModalAsync(page);
        await modal.GetByLabel("Name", new() { Exact = true }).FillAsync(workflowName);
        await modal.GetByLabel("When").SelectOptionAsync(new SelectOptionValue { Label = "New hire" });
        await modal.GetByLabel("DM the Account owner (AE)").CheckAsync();
        await modal.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a signal" }).ClickAsync();
        await page.GetByLabel("Sample signal").SelectOptionAsync(new SelectOptionValue { Label = "New executive at a Closed Lost account" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send signal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Signal response" })).ToContainTextAsync("202 Accepted");
    }

    /// <summary>Acting as <paramref name="userId"/>, their DM from the app about the sample signal.</summary>
    internal static async Task<ILocator> OwnDmAsync(IPage page, string userId)
    {
        await page.GetByLabel("Acting as").SelectOptionAsync(userId);
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Messages" }).ClickAsync();
        var dm = page.GetByRole(AriaRole.Article, new() { Name = "Message from UserGems" }).Filter(new() { HasText = Headline });
        await Expect(dm).ToBeVisibleAsync();
        return dm;
    }
}
