using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using SlackApp.Sandbox.Hosting;
using static Microsoft.Playwright.Assertions;

namespace SlackApp.BrowserTests;

/// <summary>What Slack would refuse is shown at once on the page, naming where in the JSON it is wrong.</summary>
public sealed class DeveloperBannerTests(SandboxBrowser sandbox) : IClassFixture<SandboxBrowser>
{
    [Fact]
    public async Task A_message_slack_would_refuse_shows_a_banner_naming_the_json_path()
    {
        var page = await sandbox.OpenAsync();
        var tooLongHeader = new string('x', 151);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{sandbox.App.BaseUrl}/sandbox/api/chat.postMessage")
        {
            Content = new StringContent($$$"""{"channel":"C0GENERAL","text":"fallback","blocks":[{"type":"header","text":{"type":"plain_text","text":"{{{tooLongHeader}}}"}}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.App.Service<SandboxSecrets>().BotToken);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "chat.postMessage answered invalid_blocks" });
        await Expect(banner).ToContainTextAsync("[json-pointer:/blocks/0/text/text]");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
    }
}
