using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>
/// A workspace served by its Grid org's org-wide installation: signals addressed to its team id alone are accepted,
/// matched, and delivered with the org's bot token, using the workspace's own settings and signal secret.
/// </summary>
public sealed class OrgWideInstallTests
{
    private const string Org = "E0ORG";

    [Fact]
    public async Task A_workspace_of_an_org_wide_install_receives_its_notification_end_to_end()
    {
        await using var app = new NotificationsApp();
        var orgWide = new Installation
        {
            EnterpriseId = Org,
            EnterpriseName = "Acme Grid",
            IsEnterpriseInstall = true,
            BotUserId = "U0ORGBOT",
            BotToken = FakeSlack.BotToken,
            InstallerUserId = "W0ADMIN",
            InstalledAt = app.Clock.GetUtcNow(),
        };
        await app.Service<IInstallationStore>().SaveAsync(orgWide, NotificationsApp.Ct);
        app.Slack.On("auth.teams.list", _ => FakeSlackAnswer.Ok(new JsonObject
        {
            ["teams"] = new JsonArray(new JsonObject { ["name"] = "Acme", ["id"] = NotificationsApp.TeamId }),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
        }));
        // What the OAuth redirect does once the org-wide install is saved.
        await app.Service<OrgWideTeams>().LinkGrantedAsync(orgWide, NotificationsApp.Ct);
        var workspace = new Workspace(NotificationsApp.TeamId, Org);
        await app.Service<WorkspaceSettingsRepository>().SaveAsync(workspace, "https://acme-grid.lightning.force.com", null, "W0ADMIN", NotificationsApp.Ct);
        await app.WorkflowAsync("Execs at Closed Lost", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        var secret = await app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(workspace, NotificationsApp.Ct);
        Assert.NotNull(secret);

        var response = await PostSignedAsync(app, SignalPayloads.NewHire("sig_org_1"), secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var post = await app.PostedToAsync("C0DEALS");
        await app.DeliverAsync();
        Assert.Equal(FakeSlack.BotToken, post.Token);
        Assert.Contains("https://acme-grid.lightning.force.com/", NotificationsApp.BlockText(post), StringComparison.Ordinal);
        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_signal_for_a_workspace_of_the_org_signed_with_another_workspaces_secret_is_refused()
    {
        await using var app = new NotificationsApp();
        await app.Service<IInstallationStore>().SaveAsync(
            new Installation { EnterpriseId = Org, IsEnterpriseInstall = true, BotUserId = "U0ORGBOT", BotToken = FakeSlack.BotToken }, NotificationsApp.Ct);
        await app.Service<InstallationStore>().LinkAsync(Org, [new(NotificationsApp.TeamId, "Acme"), new("T0OTHER", "Other")], NotificationsApp.Ct);
        var otherSecret = await app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T0OTHER"), NotificationsApp.Ct);

        var response = await PostSignedAsync(app, SignalPayloads.NewHire("sig_org_2"), otherSecret!);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostSignedAsync(NotificationsApp app, JsonNode body, string secret)
    {
        var bytes = body.Utf8();
        var request = SignalIntakeApp.Request(NotificationsApp.TeamId, bytes);
        var timestamp = app.Clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(SignalSignatureVerifier.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(secret, timestamp, bytes));
        return app.Client.SendAsync(request, NotificationsApp.Ct);
    }
}
