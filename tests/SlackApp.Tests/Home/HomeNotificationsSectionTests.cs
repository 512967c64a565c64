using SlackApp.Home;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Notifications;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Home;

/// <summary>
/// "Recent notifications" on the Home tab, through the fake Slack's channels: each person sees what was sent to them and
/// to channels they can see, one line per signal; admins and managers see everything.
/// </summary>
public sealed class HomeNotificationsSectionTests
{
    private static readonly WorkflowAccess Member = new("U0MEMBER", WorkflowRole.Member, "U0ADMIN", []);
    private static readonly WorkflowAccess Owner = new("U0AE", WorkflowRole.Member, "U0ADMIN", []);
    private static readonly WorkflowAccess OtherOwner = new("U0OTHER", WorkflowRole.Member, "U0ADMIN", []);
    private static readonly WorkflowAccess Admin = new("U0ADMIN", WorkflowRole.Admin, "U0ADMIN", []);
    private static readonly WorkflowAccess Manager = new("U0MANAGER", WorkflowRole.Manager, "U0ADMIN", ["U0MANAGER"]);

    private static async Task<List<string>> LinesAsync(NotificationsApp app, WorkflowAccess access)
    {
        var client = app.Service<ISlackApiClientFactory>().ForToken(FakeSlack.BotToken);
        var blocks = await app.Service<HomeNotificationsSection>().BuildAsync(NotificationsApp.Acme, access, client, NotificationsApp.Ct);
        Assert.Empty(BlockKitValidator.Validate(new HomeView { Blocks = blocks }));
        return blocks.OfType<ContextBlock>().SelectMany(b => b.Elements).OfType<MarkdownText>().Select(t => t.Text).ToList();
    }

    // sig_1 (Acme, Closed Lost) goes to a public, a private and a secret channel and to its owner's DM (U0AE); sig_2
    // (Initech, Customer) only to its owner's DM (U0OTHER).
    private static async Task<NotificationsApp> TwoSignalsAsync()
    {
        var app = new NotificationsApp();
        await app.InstallAsync();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        app.Slack.AddUser("U0OTHER", "other@vendor.example");
        app.Slack.AddChannel("C0PUBLIC");
        app.Slack.AddChannel("C0PRIVATE", isPrivate: true, "U0MEMBER");
        app.Slack.AddChannel("C0SECRET", isPrivate: true);
        await app.WorkflowAsync("Closed Lost execs", new WorkflowRecipients { ChannelIds = ["C0PUBLIC", "C0PRIVATE", "C0SECRET"], Roles = [AccountRole.Owner] });
        await app.WorkflowAsync("Customer execs", new WorkflowRecipients { Roles = [AccountRole.Owner] }, filters: new WorkflowFilters { AccountStatuses = [AccountStatus.Customer] });
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("C0SECRET");
        await app.PostedToAsync("U0AE");
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_2").With("account.status", "customer").With("account.name", "Initech").With("account.owner_email", "other@vendor.example"));
        await app.PostedToAsync("U0OTHER");
        await app.DeliverAsync();
        return app;
    }

    [Fact]
    public async Task A_member_sees_public_channels_and_private_ones_they_are_in_but_not_others_dms()
    {
        await using var app = await TwoSignalsAsync();

        var lines = await LinesAsync(app, Member);

        var line = Assert.Single(lines);
        Assert.Contains("Jane Doe* joined *Acme Corp* as VP of Sales", line, StringComparison.Ordinal);
        Assert.Contains("<#C0PUBLIC>", line, StringComparison.Ordinal);
        Assert.Contains("<#C0PRIVATE>", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<#C0SECRET>", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0AE>", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_sees_their_dm_and_the_public_channel_of_a_signal_as_one_line()
    {
        await using var app = await TwoSignalsAsync();

        var line = Assert.Single(await LinesAsync(app, Owner));
        var other = await LinesAsync(app, OtherOwner);

        Assert.Contains("*Acme Corp*", line, StringComparison.Ordinal);
        Assert.Contains("<@U0AE>, <#C0PUBLIC>", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<#C0PRIVATE>", line, StringComparison.Ordinal);
        Assert.Equal(2, other.Count);
        Assert.Contains("*Initech*", other[0], StringComparison.Ordinal);
        Assert.Contains("<@U0OTHER>", other[0], StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0AE>", other[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_and_managers_see_every_signal_once_with_every_recipient()
    {
        await using var app = await TwoSignalsAsync();

        foreach (var access in new[] { Admin, Manager })
        {
            var lines = await LinesAsync(app, access);

            Assert.Equal(2, lines.Count);
            Assert.Contains("<#C0SECRET>", lines[1], StringComparison.Ordinal);
            Assert.Contains(":large_green_circle: Sent", lines[1], StringComparison.Ordinal);
            Assert.Contains("and 1 more", lines[1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Membership_is_asked_once_per_tab_and_channel_privacy_is_remembered_between_tabs()
    {
        await using var app = await TwoSignalsAsync();

        await LinesAsync(app, Member);
        await LinesAsync(app, Owner);

        Assert.Equal(3, app.Slack.CallsTo("conversations.info").Count(c => c.Field("channel") is "C0PUBLIC" or "C0PRIVATE" or "C0SECRET"));
        Assert.Equal(["U0MEMBER", "U0AE"], app.Slack.CallsTo("users.conversations").Select(c => c.Field("user")));
        Assert.All(app.Slack.CallsTo("users.conversations"), c => Assert.Equal("private_channel", c.Field("types")));
    }

    [Fact]
    public async Task When_slack_cannot_say_whether_a_channel_is_public_a_member_does_not_see_it()
    {
        await using var app = await TwoSignalsAsync();
        app.Slack.On("conversations.info", _ => FakeSlackAnswer.Error("missing_scope"));
        app.Slack.On("users.conversations", _ => FakeSlackAnswer.Error("missing_scope"));

        var only = Assert.Single(await LinesAsync(app, Member));
        Assert.StartsWith("No notifications for you yet.", only, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_test_notification_shows_in_the_askers_list_only()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        var workflow = await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0PUBLIC"] });

        await app.Service<TestNotificationSender>().SendAsync(NotificationsApp.Acme, workflow, "U0MEMBER", NotificationsApp.Ct);

        var line = Assert.Single(await LinesAsync(app, Member));
        Assert.StartsWith(":test_tube: Test: *Jordan Sample* joined *Example Corp*", line, StringComparison.Ordinal);
        Assert.Contains("<@U0MEMBER>", line, StringComparison.Ordinal);
        Assert.DoesNotContain(await LinesAsync(app, Owner), l => l.Contains("Jordan Sample", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_2000_character_name_with_a_stray_mark_leaves_the_line_short_and_its_marks_paired()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        app.Slack.AddChannel("C0PUBLIC");
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0PUBLIC"] });
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1").With("person.full_name", "*" + new string('J', 2000)).With("account.name", "_" + new string('A', 2000)));
        await app.PostedToAsync("C0PUBLIC");
        await app.DeliverAsync();

        var line = Assert.Single(await LinesAsync(app, Member));

        Assert.True(line.Length < 500, line);
        Assert.Equal(4, line.Count(c => c == '*'));
        Assert.Contains("*\uFF3FAAA", line, StringComparison.Ordinal);
        Assert.Contains("|", line, StringComparison.Ordinal);
        Assert.EndsWith("UTC>", line, StringComparison.Ordinal);
    }
}
