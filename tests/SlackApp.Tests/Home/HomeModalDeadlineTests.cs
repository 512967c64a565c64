using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.SlackDeadlineTests;
using static SlackApp.Tests.Workflows.WorkflowPayloads;
using SlackApp.SlackUx;

namespace SlackApp.Tests.Home;

/// <summary>
/// The Home tab's modals: the rights check comes first, so a person without rights sees only the refusal (never a
/// form they cannot save); then the modal opens with the trigger_id (it expires 3 s after the click).
/// </summary>
public sealed class HomeModalDeadlineTests : IDisposable
{
    private readonly WorkflowApp _app = new(factory => factory.With("App:PublicBaseUrl", "https://usergems.acme.test/"));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Actions => new()
    {
        { "settings", "Sorry, you can't change the settings" },
        { "show secret", "Sorry, you can't see the signal secret" },
        { "rotate secret", "Sorry, you can't rotate the signal secret" },
        { "edit", "Sorry, you can't create, edit, pause or delete workflows" },
        { "delete", "Sorry, you can't create, edit, pause or delete workflows" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_member_is_refused_first_in_a_modal_naming_who_can(string action, string refusal)
    {
        var workflow = await _app.SeedAsync("Execs");
        var secret = await Secret();
        OpenViewsWithKnownId(_app.Slack);

        await _app.SendAsync(Click(action, workflow, "U0BOB"));

        Assert.Equal(["users.info", "views.open"], _app.Slack.Calls.Select(c => c.Method));
        var update = _app.Slack.Calls[1];
        Assert.Contains(refusal, FirstText(update.Body["view"]!), StringComparison.Ordinal);
        Assert.Null(update.Body["view"]!["submit"]);
        Assert.DoesNotContain(secret, update.Body["view"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(secret, await Secret());
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("settings", SettingsModal.CallbackId)]
    [InlineData("edit", WorkflowModal.CallbackId)]
    [InlineData("delete", WorkflowActionIds.DeleteConfirmation)]
    public async Task An_admin_passes_the_rights_check_and_the_modal_opens_with_its_content(string action, string callbackId)
    {
        var workflow = await _app.SeedAsync("Execs");
        OpenViewsWithKnownId(_app.Slack);

        await _app.SendAsync(Click(action, workflow, "U0CAROL"));

        Assert.Equal(["users.info", "views.open"], _app.Slack.Calls.Select(c => c.Method));
        Assert.Equal(callbackId, (string?)_app.Slack.Calls[1].Body["view"]!["callback_id"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Rotating_checks_rights_opens_the_modal_then_rotates_and_shows_the_new_secret_in_it()
    {
        var before = await Secret();
        OpenViewsWithKnownId(_app.Slack);

        await _app.SendAsync(ButtonInHome(HomeActionIds.RotateSecret, "home.secret", "rotate", userId: "U0CAROL"));

        var after = await Secret();
        Assert.NotEqual(before, after);
        Assert.Equal(["users.info", "views.open", "views.update"], _app.Slack.Calls.Select(c => c.Method));
        Assert.DoesNotContain(after, _app.Slack.Calls[1].Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(OpenedViewId, _app.Slack.Calls[2].Field("view_id"));
        Assert.Contains(after, _app.Slack.Calls[2].Body["view"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("settings")]
    [InlineData("show secret")]
    [InlineData("rotate secret")]
    [InlineData("delete")]
    public async Task An_expired_trigger_does_nothing_but_tell_the_person_ephemerally_in_their_dm(string action)
    {
        var workflow = await _app.SeedAsync("Execs");
        var secret = await Secret();
        _app.Slack.On("views.open", _ => FakeSlackAnswer.Error("expired_trigger_id"));

        await _app.SendAsync(Click(action, workflow, "U0ADMIN"));

        Assert.Equal(["views.open", "conversations.open", "chat.postEphemeral"], _app.Slack.Calls.Select(c => c.Method));
        var notice = _app.Slack.Calls[2];
        Assert.Equal("U0ADMIN", notice.Field("user"));
        Assert.Equal("DU0ADMIN", notice.Field("channel"));
        Assert.Equal(OpenedModal.TriggerGone, notice.Field("text"));
        Assert.Equal(secret, await Secret());
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
    }

    private async Task<string> Secret() =>
        await _app.Factory.Service<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(WorkflowApp.Acme, _ct);

    private static HttpRequestMessage Click(string action, Workflow workflow, string userId) => action switch
    {
        "settings" => ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings", userId),
        "show secret" => ButtonInHome(HomeActionIds.ShowSecret, "home.secret", "show", userId),
        "rotate secret" => ButtonInHome(HomeActionIds.RotateSecret, "home.secret", "rotate", userId),
        "edit" => OverflowInHome(workflow.Id, "edit", userId),
        "delete" => OverflowInHome(workflow.Id, "delete", userId),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public void Dispose() => _app.Dispose();
}
