using System.Text.Json.Nodes;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.Slack.Payloads;
using SlackApp.Tests.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Home;

/// <summary>
/// The workspace's time zone and quiet hours in the Settings modal: what is built is what is read back, an unknown
/// zone or half-set quiet hours are refused on their fields, and nothing is saved until all is right.
/// </summary>
public sealed class QuietHoursSettingsTests
{
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<WorkspaceSettings> Saved => new()
    {
        new WorkspaceSettings(),
        new WorkspaceSettings { TimeZone = "Europe/Berlin", QuietHours = Night, QuietHoursHoldChannels = true },
        new WorkspaceSettings { TimeZone = "America/New_York", QuietHours = new QuietHours(new TimeOnly(12, 30), new TimeOnly(13, 15)) },
        new WorkspaceSettings { TimeZone = "Asia/Kolkata" },
    };

    [Theory]
    [MemberData(nameof(Saved))]
    public void What_the_modal_shows_is_read_back_unchanged(WorkspaceSettings settings)
    {
        var view = SettingsModal.Build(settings, [], isAdmin: true);

        var form = SettingsModal.ReadNoiseControl(StateAsShown(view));

        Assert.Empty(form.Problems);
        Assert.Equal(settings.TimeZone, form.TimeZone);
        Assert.Equal(settings.QuietHours, form.QuietHours);
        Assert.Equal(settings.QuietHoursHoldChannels, form.HoldChannels);
    }

    [Theory]
    [MemberData(nameof(Saved))]
    public void The_modal_passes_the_block_kit_validator_for_admins_and_managers(WorkspaceSettings settings)
    {
        Assert.Empty(BlockKitValidator.Validate(SettingsModal.Build(settings, ["U0MIA"], isAdmin: true)));
        Assert.Empty(BlockKitValidator.Validate(SettingsModal.Build(settings, ["U0MIA"], isAdmin: false)));
    }

    [Fact]
    public void The_hints_say_dms_are_held_and_delivered_together_and_channels_only_when_asked()
    {
        var json = System.Text.Json.JsonSerializer.Serialize<View>(SettingsModal.Build(new WorkspaceSettings(), [], isAdmin: true), SlackJson.Options);

        Assert.Contains("held and delivered together", json, StringComparison.Ordinal);
        Assert.Contains("only DMs are held", json, StringComparison.Ordinal);
        Assert.Contains("empty is UTC", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"timepicker\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" europe/berlin ", "Europe/Berlin")]
    [InlineData("UTC", "UTC")]
    public void A_known_time_zone_is_stored_under_its_own_name_and_empty_is_utc(string typed, string? stored)
    {
        var form = SettingsModal.ReadNoiseControl(State((SettingsModal.TimeZoneBlock, TextValue(typed))));

        Assert.Empty(form.Problems);
        Assert.Equal(stored, form.TimeZone);
    }

    [Theory]
    [InlineData("Berlin")]
    [InlineData("CET+1")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    public void An_unknown_time_zone_is_refused_with_an_example(string typed)
    {
        var form = SettingsModal.ReadNoiseControl(State((SettingsModal.TimeZoneBlock, TextValue(typed))));

        Assert.Equal([SettingsModal.TimeZoneBlock], form.Problems.Keys);
        Assert.Contains("Europe/Berlin", form.Problems[SettingsModal.TimeZoneBlock], StringComparison.Ordinal);
        Assert.Null(form.TimeZone);
    }

    [Theory]
    [InlineData("22:00", null, SettingsModal.QuietEndBlock, QuietHoursPickers.BothOrNeither)]
    [InlineData(null, "07:00", SettingsModal.QuietStartBlock, QuietHoursPickers.StartMissing)]
    [InlineData("07:00", "07:00", SettingsModal.QuietEndBlock, QuietHoursPickers.SameTimes)]
    public void Quiet_hours_need_both_times_and_different_ones(string? start, string? end, string block, string problem)
    {
        var form = SettingsModal.ReadNoiseControl(State(
            (SettingsModal.QuietStartBlock, TimeValue(start)),
            (SettingsModal.QuietEndBlock, TimeValue(end))));

        Assert.Equal(problem, Assert.Single(form.Problems, p => p.Key == block).Value);
        Assert.Single(form.Problems);
        Assert.Null(form.QuietHours);
    }

    [Fact]
    public async Task Settings_refuse_an_unknown_zone_and_half_set_quiet_hours_on_their_fields_and_save_nothing()
    {
        using var app = new WorkflowApp();
        await app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings"));

        var refused = WorkflowModalFlowTests.Errors(await app.SendAsync(Submission(app.LastView("views.open"), Form("Mars/Olympus_Mons", "22:00", null))));

        Assert.Equal([SettingsModal.QuietEndBlock, SettingsModal.TimeZoneBlock], refused.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("\"Mars/Olympus_Mons\" is not a time zone known here.", refused[SettingsModal.TimeZoneBlock], StringComparison.Ordinal);
        var stored = await app.Factory.Service<WorkspaceSettingsRepository>().GetAsync(WorkflowApp.Acme, _ct);
        Assert.Null(stored.TimeZone);
        Assert.Null(stored.QuietHours);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task Settings_save_the_zone_and_quiet_hours_and_show_them_when_opened_again()
    {
        using var app = new WorkflowApp();
        await app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings", userId: "U0MIA"));

        var ack = await app.SendAsync(Submission(app.LastView("views.open"), Form("america/new_york", "21:30", "06:45", holdChannels: true), userId: "U0MIA"));

        Assert.Equal(string.Empty, ack);
        var stored = await app.Factory.Service<WorkspaceSettingsRepository>().GetAsync(WorkflowApp.Acme, _ct);
        Assert.Equal("America/New_York", stored.TimeZone);
        Assert.Equal(new QuietHours(new TimeOnly(21, 30), new TimeOnly(6, 45)), stored.QuietHours);
        Assert.True(stored.QuietHoursHoldChannels);
        Assert.Equal("U0MIA", stored.UpdatedBy);

        await app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings", userId: "U0MIA"));
        var reopened = app.LastView("views.open").ToJsonString();
        Assert.Contains("\"initial_value\":\"America/New_York\"", reopened, StringComparison.Ordinal);
        Assert.Contains("\"initial_time\":\"21:30\"", reopened, StringComparison.Ordinal);
        Assert.Contains("\"initial_time\":\"06:45\"", reopened, StringComparison.Ordinal);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task Clearing_both_times_turns_quiet_hours_off()
    {
        using var app = new WorkflowApp();
        var repository = app.Factory.Service<WorkspaceSettingsRepository>();
        await repository.SaveAsync(WorkflowApp.Acme, new WorkspaceSettings { TimeZone = "Europe/Berlin", QuietHours = Night, QuietHoursHoldChannels = true }, "U0ADMIN", _ct);
        await app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings"));

        var ack = await app.SendAsync(Submission(app.LastView("views.open"), Form("Europe/Berlin", null, null)));

        Assert.Equal(string.Empty, ack);
        var stored = await repository.GetAsync(WorkflowApp.Acme, _ct);
        Assert.Null(stored.QuietHours);
        Assert.False(stored.QuietHoursHoldChannels);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
    }

    /// <summary>The view state Slack would send for <paramref name="view"/> submitted untouched.</summary>
    internal static ViewState StateAsShown(ModalView view)
    {
        var values = new List<(string, ViewStateValue)>();
        foreach (var input in view.Blocks.OfType<InputBlock>())
        {
            ViewStateValue? value = input.Element switch
            {
                PlainTextInput text => TextValue(text.InitialValue),
                TimePicker picker => TimeValue(picker.InitialTime),
                Checkboxes boxes => new ViewStateValue { Type = "checkboxes", SelectedOptions = boxes.InitialOptions ?? [] },
                _ => null,
            };
            if (value is not null)
            {
                values.Add((input.BlockId!, value));
            }
        }

        return State([.. values]);
    }

    internal static ViewState State(params (string BlockId, ViewStateValue Value)[] values) => new()
    {
        Values = values.ToDictionary(
            v => v.BlockId,
            v => (IReadOnlyDictionary<string, ViewStateValue>)new Dictionary<string, ViewStateValue> { [v.BlockId + ".value"] = v.Value },
            StringComparer.Ordinal),
    };

    internal static ViewStateValue TextValue(string? text) => new() { Type = "plain_text_input", Value = text };

    internal static ViewStateValue TimeValue(string? time) => new() { Type = "timepicker", SelectedTime = time };

    internal static JsonObject Time(string? time) => new() { ["type"] = "timepicker", ["selected_time"] = time };

    private static JsonObject Form(string timeZone, string? start, string? end, bool holdChannels = false) => new()
    {
        [SettingsModal.TimeZoneBlock] = new JsonObject { ["time_zone.value"] = Text(timeZone) },
        [SettingsModal.QuietStartBlock] = new JsonObject { ["quiet_hours_start.value"] = Time(start) },
        [SettingsModal.QuietEndBlock] = new JsonObject { ["quiet_hours_end.value"] = Time(end) },
        [SettingsModal.HoldChannelsBlock] = new JsonObject { ["quiet_hours_channels.value"] = holdChannels ? Checkboxes(SettingsModal.HoldChannelsValue) : Checkboxes() },
    };
}
