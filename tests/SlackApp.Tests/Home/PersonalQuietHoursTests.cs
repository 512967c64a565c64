using System.Text.Json.Nodes;
using Dapper;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Workflows;
using static SlackApp.Tests.Home.QuietHoursSettingsTests;
using static SlackApp.Tests.Workflows.SlackDeadlineTests;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Home;

/// <summary>
/// A member sets their own quiet hours from the Home tab: the modal opens at once with the click's trigger_id (no
/// rights check: everyone may), fills with what they set, and saves for the verified workspace and the person who
/// submitted.
/// </summary>
public sealed class PersonalQuietHoursTests : IDisposable
{
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private PersonSettingsRepository People => _app.Factory.Service<PersonSettingsRepository>();

    [Fact]
    public async Task A_member_clicks_and_the_modal_opens_first_with_the_trigger_then_fills()
    {
        await People.SetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", Night, _ct);
        OpenViewsWithKnownId(_app.Slack);

        await _app.SendAsync(Click("U0BOB"));

        Assert.Equal(["views.open", "views.update"], _app.Slack.Calls.Select(c => c.Method));
        Assert.Equal("13345224609.738474920.8088930838d88f008e2", _app.Slack.Calls[0].Field("trigger_id"));
        Assert.Equal(OpenedViewId, _app.Slack.Calls[1].Field("view_id"));
        var filled = _app.LastView("views.update");
        Assert.Equal(PersonalQuietHoursModal.CallbackId, (string?)filled["callback_id"]);
        Assert.Contains("\"initial_time\":\"22:00\"", filled.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"initial_time\":\"07:00\"", filled.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(PersonalQuietHoursModal.ZoneNote, filled.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_member_saves_their_own_quiet_hours_and_nobody_elses()
    {
        await _app.SendAsync(Click("U0BOB"));

        var ack = await _app.SendAsync(Submission(_app.LastView("views.update"), Form("23:00", "06:30"), userId: "U0BOB"));

        Assert.Equal(string.Empty, ack);
        Assert.Equal(new QuietHours(new TimeOnly(23, 0), new TimeOnly(6, 30)), await People.GetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", _ct));
        Assert.Null(await People.GetQuietHoursAsync(WorkflowApp.Acme, "U0ADMIN", _ct));
        Assert.Null(await People.GetQuietHoursAsync(new Workspace("T0OTHER"), "U0BOB", _ct));
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Saving_redraws_the_members_home_tab()
    {
        await _app.SendAsync(Click("U0BOB"));

        await _app.SendAsync(Submission(_app.LastView("views.update"), Form("23:00", "06:30"), userId: "U0BOB"));

        Assert.Equal("U0BOB", _app.Slack.CallsTo("views.publish").Last().Field("user_id"));
    }

    [Fact]
    public async Task Both_times_empty_clears_them()
    {
        await People.SetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", Night, _ct);
        await _app.SendAsync(Click("U0BOB"));

        var ack = await _app.SendAsync(Submission(_app.LastView("views.update"), Form(null, null), userId: "U0BOB"));

        Assert.Equal(string.Empty, ack);
        Assert.Null(await People.GetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", _ct));
    }

    [Theory]
    [InlineData("22:00", null, PersonalQuietHoursModal.EndBlock, QuietHoursPickers.BothOrNeither)]
    [InlineData(null, "07:00", PersonalQuietHoursModal.StartBlock, QuietHoursPickers.StartMissing)]
    [InlineData("08:15", "08:15", PersonalQuietHoursModal.EndBlock, QuietHoursPickers.SameTimes)]
    public async Task Half_set_or_equal_times_are_refused_on_their_field_and_keep_what_was_saved(string? start, string? end, string block, string problem)
    {
        await People.SetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", Night, _ct);
        await _app.SendAsync(Click("U0BOB"));

        var refused = WorkflowModalFlowTests.Errors(await _app.SendAsync(Submission(_app.LastView("views.update"), Form(start, end), userId: "U0BOB")));

        Assert.Equal([block], refused.Keys);
        Assert.Equal(problem, refused[block]);
        Assert.Equal(Night, await People.GetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", _ct));
    }

    [Fact]
    public async Task An_expired_trigger_tells_the_member_ephemerally_and_reads_nothing()
    {
        _app.Slack.On("views.open", _ => FakeSlackAnswer.Error("expired_trigger_id"));

        await _app.SendAsync(Click("U0BOB"));

        Assert.Equal(["views.open", "conversations.open", "chat.postEphemeral"], _app.Slack.Calls.Select(c => c.Method));
        Assert.Equal(OpenedModal.TriggerGone, _app.Slack.Calls[2].Field("text"));
    }

    [Fact]
    public async Task A_garbled_row_opens_as_no_quiet_hours()
    {
        await People.SetQuietHoursAsync(WorkflowApp.Acme, "U0BOB", Night, _ct);
        await using (var connection = await _app.Factory.Service<SlackApp.Data.DbConnectionFactory>().OpenAsync(_ct))
        {
            await connection.ExecuteAsync("UPDATE person_settings SET quiet_hours_json = 'oops' WHERE user_id = 'U0BOB'");
        }

        await _app.SendAsync(Click("U0BOB"));

        Assert.DoesNotContain("initial_time", _app.LastView("views.update").ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public void The_modal_passes_the_block_kit_validator_with_and_without_quiet_hours()
    {
        Assert.Empty(BlockKitValidator.Validate(PersonalQuietHoursModal.Build(null)));
        Assert.Empty(BlockKitValidator.Validate(PersonalQuietHoursModal.Build(Night)));
    }

    [Fact]
    public void What_the_modal_shows_is_read_back_unchanged()
    {
        Assert.Equal(Night, PersonalQuietHoursModal.Read(StateAsShown(PersonalQuietHoursModal.Build(Night))).Hours);
        Assert.Equal(new QuietHoursPick(null, null, null), PersonalQuietHoursModal.Read(StateAsShown(PersonalQuietHoursModal.Build(null))));
    }

    private static HttpRequestMessage Click(string userId) => ButtonInHome(HomeActionIds.MyQuietHours, "home.buttons", "my_quiet_hours", userId);

    private static JsonObject Form(string? start, string? end) => new()
    {
        [PersonalQuietHoursModal.StartBlock] = new JsonObject { ["my_quiet_hours_start.value"] = Time(start) },
        [PersonalQuietHoursModal.EndBlock] = new JsonObject { ["my_quiet_hours_end.value"] = Time(end) },
    };

    public void Dispose() => _app.Dispose();
}
