using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>
/// An admin makes an admin API key in the Home tab, a script uses it against the app's own API, and once the admin
/// revokes it in the same modal the script is refused.
/// </summary>
public sealed partial class ApiKeysFlowTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_key_made_in_the_home_tab_opens_the_api_until_it_is_revoked_there()
    {
        var page = await sandbox.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "UserGems app" }).ClickAsync();
        var home = page.GetByRole(AriaRole.Region, new() { Name = "Home tab" });

        await home.GetByRole(AriaRole.Button, new() { Name = "API keys" }).ClickAsync();
        var modal = page.GetByRole(AriaRole.Dialog, new() { Name = "API keys" });
        await Expect(modal).ToContainTextAsync("No keys yet.");
        await modal.GetByLabel("New key").FillAsync("ci");
        await modal.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(modal).ToContainTextAsync("Copy it now");
        var key = KeyPattern().Match(await modal.InnerTextAsync()).Value;
        await modal.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        Assert.Equal(HttpStatusCode.OK, await ListWorkflowsAsync(key));

        await home.GetByRole(AriaRole.Button, new() { Name = "API keys" }).ClickAsync();
        await Expect(modal).ToContainTextAsync("last used");
        await modal.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(modal).ToContainTextAsync("1 revoked key");

        Assert.Equal(HttpStatusCode.Unauthorized, await ListWorkflowsAsync(key));
    }

    private async Task<HttpStatusCode> ListWorkflowsAsync(string key)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{sandbox.App.BaseUrl}/api/v1/workspaces/T0SANDBOX/workflows");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [GeneratedRegex("ugk_[A-Za-z0-9_-]+")]
    private static partial Regex KeyPattern();
}
