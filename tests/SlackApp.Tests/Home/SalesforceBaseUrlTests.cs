using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Home;

/// <summary>
/// The Salesforce base URL starts every "Open in Salesforce" link: only Salesforce's own https hosts, or hosts the
/// operator allowed, whether typed in Settings or seeded from config in single-workspace mode.
/// </summary>
public sealed class SalesforceBaseUrlTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://acme.my.salesforce.com", "https://acme.my.salesforce.com")]
    [InlineData("https://acme.lightning.force.com/", "https://acme.lightning.force.com")]
    [InlineData("https://acme--uat.sandbox.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com")]
    [InlineData("https://acme--uat.sandbox.lightning.force.com", "https://acme--uat.sandbox.lightning.force.com")]
    [InlineData("https://acme-dev-ed.develop.my.salesforce.com", "https://acme-dev-ed.develop.my.salesforce.com")]
    [InlineData("https://na1.salesforce.com", "https://na1.salesforce.com")]
    [InlineData("  HTTPS://ACME.MY.SALESFORCE.COM  ", "https://acme.my.salesforce.com")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    public void Salesforces_own_https_hosts_are_accepted(string text, string? stored)
    {
        var check = SalesforceBaseUrl.Check(text, []);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(stored, check.Url);
    }

    [Theory]
    [InlineData("https://evil.example.com/phish", "evil.example.com is not a Salesforce address")]
    [InlineData("https://salesforce.com.evil.example.com", "is not a Salesforce address")]
    [InlineData("https://evilsalesforce.com", "is not a Salesforce address")]
    [InlineData("https://salesforce.com", "is not a Salesforce address")]
    [InlineData("https://force.com", "is not a Salesforce address")]
    [InlineData("https://acme.my.salesforce.com.", null)]
    [InlineData("http://acme.lightning.force.com", SalesforceBaseUrl.NotHttps)]
    [InlineData("acme.lightning.force.com", SalesforceBaseUrl.NotHttps)]
    [InlineData("https://user:pw@acme.my.salesforce.com", SalesforceBaseUrl.NotHttps)]
    [InlineData("https://acme.my.salesforce.com:8443", SalesforceBaseUrl.NotHttps)]
    [InlineData("https://acme.my.salesforce.com/?next=https://evil.example.com", SalesforceBaseUrl.NotHttps)]
    [InlineData("javascript:alert(1)", SalesforceBaseUrl.NotHttps)]
    public void Other_hosts_and_other_schemes_are_refused_with_the_reason(string text, string? problem)
    {
        var check = SalesforceBaseUrl.Check(text, []);

        if (problem is null)
        {
            Assert.True(check.IsValid, check.Problem);
            return;
        }

        Assert.False(check.IsValid);
        Assert.Null(check.Url);
        Assert.Contains(problem, check.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://crm.acme.example/", "crm.acme.example", true)]
    [InlineData("https://CRM.acme.example", "crm.acme.example", true)]
    [InlineData("https://other.acme.example", "crm.acme.example", false)]
    [InlineData("https://eu.crm.acme.example", "*.crm.acme.example", true)]
    [InlineData("https://crm.acme.example", "*.crm.acme.example", false)]
    [InlineData("https://evilcrm.acme.example", "*.crm.acme.example", false)]
    [InlineData("https://crm.acme.example", " ", false)]
    public void Another_host_is_accepted_only_when_the_operator_allowed_it(string text, string allowed, bool valid)
    {
        Assert.Equal(valid, SalesforceBaseUrl.Check(text, [allowed]).IsValid);
    }

    [Fact]
    public async Task Settings_refuse_a_phishing_host_on_its_field_and_keep_the_saved_url()
    {
        using var app = new WorkflowApp();
        await app.Factory.Service<WorkspaceSettingsRepository>().SaveAsync(WorkflowApp.Acme, "https://acme.my.salesforce.com", null, "U0ADMIN", _ct);
        await app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings"));

        var refused = WorkflowModalFlowTests.Errors(await app.SendAsync(Submission(app.LastView("views.open"), Form("https://evil.example.com/phish"))));

        Assert.Equal([SettingsModal.SalesforceBlock], refused.Keys);
        Assert.StartsWith("evil.example.com is not a Salesforce address.", refused[SettingsModal.SalesforceBlock], StringComparison.Ordinal);
        Assert.Equal("https://acme.my.salesforce.com", (await app.Factory.Service<WorkspaceSettingsRepository>().GetAsync(WorkflowApp.Acme, _ct)).SalesforceBaseUrl);
    }

    [Fact]
    public async Task Settings_accept_a_host_the_operator_allowed()
    {
        using var app = new WorkflowApp(factory => factory.With("Salesforce:AllowedHosts:0", "crm.acme.example"));
        await app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings"));

        var ack = await app.SendAsync(Submission(app.LastView("views.open"), Form("https://crm.acme.example")));

        Assert.Equal(string.Empty, ack);
        Assert.Equal("https://crm.acme.example", (await app.Factory.Service<WorkspaceSettingsRepository>().GetAsync(WorkflowApp.Acme, _ct)).SalesforceBaseUrl);
    }

    [Theory]
    [InlineData("https://evil.example.com/phish", null, null)]
    [InlineData("https://crm.acme.example", "crm.acme.example", "https://crm.acme.example")]
    [InlineData("https://acme.my.salesforce.com/", null, "https://acme.my.salesforce.com")]
    public async Task Single_workspace_mode_seeds_only_a_url_the_settings_would_accept(string configured, string? allowed, string? seeded)
    {
        using var app = new SlackAppFactory()
            .With("Slack:BotToken", FakeSlack.BotToken)
            .With("Salesforce:BaseUrl", configured);
        if (allowed is not null)
        {
            app.With("Salesforce:AllowedHosts:0", allowed);
        }

        app.CreateClient().Dispose();

        Assert.Equal(seeded, (await app.Service<WorkspaceSettingsRepository>().GetAsync(new Workspace("T0ACME"), _ct)).SalesforceBaseUrl);
    }

    private static System.Text.Json.Nodes.JsonObject Form(string url) => new()
    {
        [SettingsModal.SalesforceBlock] = new System.Text.Json.Nodes.JsonObject { ["salesforce_base_url.value"] = Text(url) },
    };
}
