using System.Text;
using System.Text.Json;
using SlackApp.Slack.Json;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Tests.Conformance;

/// <summary>
/// Every request fixture captured from Slack's SDK test suites (requests/) parses into its typed payload, with its key
/// fields carried over. Slash commands are form bodies; interactivity files are the JSON of the <c>payload</c> field.
/// </summary>
public sealed class PayloadsConformanceTests
{
    private const string Absent = "(fixtures absent)";

    // Not requests: an app's answer to block_suggestion, and two bare view `state` objects (tested below).
    private static readonly string[] NotInteractionPayloads =
    [
        "block_suggestion-response-options.json",
        "view-state-values-all-select-types.json",
        "view_submission-state-values-email-number-url-time.json",
    ];

    public static TheoryData<string> SlashCommandFiles() => FixtureNames("requests/slash-commands", "*.txt");

    public static TheoryData<string> InteractionFiles() => FixtureNames("requests/interactivity", "*.json", NotInteractionPayloads);

    public static TheoryData<string> EventFiles() => FixtureNames("requests/events", "*.json");

    [Theory]
    [MemberData(nameof(SlashCommandFiles))]
    public void Parses_slash_command_fixture(string file)
    {
        var body = File.ReadAllText(SlackFixtures.PathOf($"requests/slash-commands/{file}")).TrimEnd('\r', '\n');

        var command = Assert.IsType<SlashCommand>(Parsed("application/x-www-form-urlencoded", body));

        Assert.StartsWith("/", command.Command, StringComparison.Ordinal);
        Assert.All(
            new[] { command.TeamId, command.TeamDomain, command.ChannelId, command.UserId, command.UserName, command.ResponseUrl, command.TriggerId },
            Assert.NotEmpty!);
        Assert.StartsWith("https://hooks.slack.com/", command.ResponseUrl, StringComparison.Ordinal);
        Assert.Equal(body.Contains("enterprise_id=", StringComparison.Ordinal), !string.IsNullOrEmpty(command.EnterpriseId));
        Assert.Equal(body.Contains("api_app_id=", StringComparison.Ordinal), !string.IsNullOrEmpty(command.ApiAppId));
        Assert.Equal(body.Contains("is_enterprise_install=true", StringComparison.Ordinal), command.IsEnterpriseInstall);
        Assert.DoesNotContain('%', command.Command);
    }

    [Theory]
    [MemberData(nameof(InteractionFiles))]
    public void Parses_interactivity_fixture(string file)
    {
        var json = File.ReadAllText(SlackFixtures.PathOf($"requests/interactivity/{file}"));
        using var document = JsonDocument.Parse(json);
        var expected = document.RootElement;

        var payload = Assert.IsType<InteractionPayload>(Parsed("application/x-www-form-urlencoded", "payload=" + Uri.EscapeDataString(json)), exactMatch: false);

        Assert.Equal(Str(expected, "type"), payload.Type);
        AssertCarried(expected, payload.User?.Id, "user", "id");
        AssertCarried(expected, payload.Team?.Id, "team", "id");
        AssertCarried(expected, payload.Team?.EnterpriseId, "team", "enterprise_id");
        AssertCarried(expected, payload.Enterprise?.Id, "enterprise", "id");
        AssertCarried(expected, payload.ApiAppId, "api_app_id");
        Assert.Equal(Bool(expected, "is_enterprise_install"), payload.IsEnterpriseInstall);

        switch (payload)
        {
            case BlockActionsPayload actions:
                AssertBlockActions(expected, actions);
                break;
            case ViewSubmissionPayload submission:
                AssertCarried(expected, submission.TriggerId, "trigger_id");
                AssertView(expected.GetProperty("view"), submission.View);
                Assert.Equal(Array(expected, "response_urls").Count, submission.ResponseUrls.Count);
                Assert.All(submission.ResponseUrls, url => Assert.NotEmpty(url.ResponseUrl));
                break;
            case ViewClosedPayload closed:
                AssertView(expected.GetProperty("view"), closed.View);
                Assert.Equal(Bool(expected, "is_cleared"), closed.IsCleared);
                break;
            case BlockSuggestionPayload suggestion:
                Assert.NotEmpty(suggestion.ActionId);
                AssertCarried(expected, suggestion.ActionId, "action_id");
                AssertCarried(expected, suggestion.BlockId, "block_id");
                AssertCarried(expected, suggestion.Value, "value");
                AssertCarried(expected, suggestion.Container?.Type, "container", "type");
                break;
            case MessageShortcutPayload shortcut:
                Assert.NotEmpty(shortcut.CallbackId);
                AssertCarried(expected, shortcut.CallbackId, "callback_id");
                AssertCarried(expected, shortcut.TriggerId, "trigger_id");
                AssertCarried(expected, shortcut.ResponseUrl, "response_url");
                AssertCarried(expected, shortcut.Channel?.Id, "channel", "id");
                AssertCarried(expected, shortcut.Message?.Ts, "message", "ts");
                AssertCarried(expected, shortcut.Message?.Text, "message", "text");
                break;
            case GlobalShortcutPayload shortcut:
                Assert.NotEmpty(shortcut.CallbackId);
                AssertCarried(expected, shortcut.CallbackId, "callback_id");
                AssertCarried(expected, shortcut.TriggerId, "trigger_id");
                break;
            default:
                Assert.Fail($"{file} parsed into an unexpected {payload.GetType().Name}");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(EventFiles))]
    public void Parses_events_fixture(string file)
    {
        var json = File.ReadAllText(SlackFixtures.PathOf($"requests/events/{file}"));
        using var document = JsonDocument.Parse(json);
        var expected = document.RootElement;

        switch (Str(expected, "type"))
        {
            case "url_verification":
                var verification = Assert.IsType<UrlVerificationPayload>(Parsed("application/json", json));
                Assert.NotEmpty(verification.Challenge);
                AssertCarried(expected, verification.Challenge, "challenge");
                break;
            case "event_callback":
                var envelope = Assert.IsType<EventCallbackPayload>(Parsed("application/json", json));
                AssertCarried(expected, envelope.TeamId, "team_id");
                AssertCarried(expected, envelope.EnterpriseId, "enterprise_id");
                AssertCarried(expected, envelope.ApiAppId, "api_app_id");
                Assert.NotEmpty(envelope.EventId!);
                AssertCarried(expected, envelope.EventId, "event_id");
                Assert.Equal(expected.GetProperty("event_time").GetInt64(), envelope.EventTime);
                Assert.Equal(Array(expected, "authorizations").Count, envelope.Authorizations.Count);
                Assert.Equal(Bool(expected, "is_ext_shared_channel"), envelope.IsExtSharedChannel);
                AssertEvent(expected.GetProperty("event"), envelope.Event);
                break;
            default:
                // "Event-only" fixtures hold just the inner event object.
                AssertEvent(expected, SlackRequestParser.ParseEvent(expected));
                break;
        }
    }

    [Fact]
    public void Reads_every_select_kind_from_view_state()
    {
        var state = StateFixture("view-state-values-all-select-types.json");

        Assert.Equal(new DateOnly(1990, 4, 12), state.GetDate("b1", "a1"));
        Assert.Equal("This is a test", state.GetText("b2", "a2"));
        Assert.Equal("Something wrong\nPlease help me!", state.GetText("b3", "a3"));
        Assert.Equal("U123", state.GetUser("b4", "a4"));
        Assert.Equal(["U123", "U234"], state.GetUsers("b4-2", "a4-2"));
        Assert.Equal("C123", state.GetConversation("b5", "a5"));
        Assert.Equal(["C123", "C234"], state.GetConversations("b5-2", "a5-2"));
        Assert.Equal("C123", state.GetChannel("b6", "a6"));
        Assert.Equal(["C123", "C234"], state.GetChannels("b6-2", "a6-2"));
        Assert.Equal(["value-0", "value-1"], state.GetSelectedOptions("b7", "a7").Select(option => option.Value));
        Assert.Equal(["value-0", "value-1"], state.GetSelectedOptions("b8", "a8").Select(option => option.Value));
        var radio = state.GetSelectedOption("b9", "a9");
        Assert.Equal("option 1", radio?.Value);
        Assert.Equal("Description for option 1", radio?.Description?.Text);
    }

    [Fact]
    public void Reads_text_number_url_and_time_inputs_from_view_state()
    {
        var state = StateFixture("view_submission-state-values-email-number-url-time.json");

        Assert.Equal("test", state.GetText("agenda-block", "agenda-action"));
        Assert.Equal("foo@example.com", state.GetText("email-block", "email-action"));
        Assert.Equal("https://www.example.com/", state.GetText("url-block", "url-action"));
        Assert.Equal("12345", state.GetText("number-block", "number-action"));
        Assert.Equal(new DateOnly(2022, 10, 19), state.GetDate("date-block", "date-action"));
        Assert.Equal(new TimeOnly(1, 0), state.GetTime("time-block", "time-action"));
        Assert.Equal("America/Los_Angeles", state.Get("time-block", "time-action")?.Timezone);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1666869900), state.GetDateTime("date-time-block", "date-time-action"));
    }

    [Fact]
    public void Reads_the_union_of_fields_Slack_has_sent_in_interactions()
    {
        // shapes/ are anonymised merges of every field java-slack-sdk has seen: they check member types, not values.
        foreach (var name in new[] { "BlockActionPayload", "MessageShortcutPayload", "ViewClosedPayload", "ViewSubmissionPayload" })
        {
            var json = File.ReadAllText(SlackFixtures.PathOf($"shapes/requests/{name}.json"));
            var result = SlackRequestParser.ParseInteraction(json);
            Assert.True(result is SlackParseResult.Parsed, $"{name}: {result}");
        }

        Assert.IsType<SlackParseResult.Unknown>(SlackRequestParser.ParseInteraction(File.ReadAllText(SlackFixtures.PathOf("shapes/requests/DialogSuggestionPayload.json"))));
    }

    [Fact]
    public void Reads_the_union_of_fields_Slack_has_sent_in_event_envelopes()
    {
        foreach (var name in new[] { "AppHomeOpenedPayload", "AppUninstalledPayload", "TokensRevokedPayload" })
        {
            var json = File.ReadAllText(SlackFixtures.PathOf($"shapes/requests/{name}.json"));
            var envelope = JsonSerializer.Deserialize<EventCallbackPayload>(json, SlackJson.Options);
            Assert.NotNull(envelope?.Event);
        }
    }

    private static void AssertBlockActions(JsonElement expected, BlockActionsPayload actions)
    {
        AssertCarried(expected, actions.TriggerId, "trigger_id");
        AssertCarried(expected, actions.ResponseUrl, "response_url");
        AssertCarried(expected, actions.Container?.Type, "container", "type");
        AssertCarried(expected, actions.Container?.ChannelId, "container", "channel_id");
        AssertCarried(expected, actions.Container?.ViewId, "container", "view_id");
        AssertCarried(expected, actions.Channel?.Id, "channel", "id");
        AssertCarried(expected, actions.Message?.Ts, "message", "ts");
        AssertCarried(expected, actions.Message?.Text, "message", "text");
        if (expected.TryGetProperty("view", out var view))
        {
            AssertView(view, actions.View!);
        }

        var expectedActions = Array(expected, "actions");
        Assert.Equal(expectedActions.Count, actions.Actions.Count);
        foreach (var (json, action) in expectedActions.Zip(actions.Actions))
        {
            Assert.NotEmpty(action.ActionId);
            AssertCarried(json, action.ActionId, "action_id");
            AssertCarried(json, action.BlockId, "block_id");
            AssertCarried(json, action.Type, "type");
            AssertCarried(json, action.ActionTs, "action_ts");
            switch (action)
            {
                case ButtonAction button:
                    AssertCarried(json, button.Value, "value");
                    break;
                case SelectAction select:
                    AssertCarried(json, select.SelectedOption?.Value, "selected_option", "value");
                    break;
                case MultiConversationsSelectAction conversations:
                    Assert.Equal(Array(json, "selected_conversations").Select(id => id.GetString()), conversations.SelectedConversations);
                    break;
                default:
                    Assert.Fail($"Fixture action of type {action.Type} was not typed ({action.GetType().Name})");
                    break;
            }
        }
    }

    private static void AssertView(JsonElement expected, PayloadView view)
    {
        Assert.NotEmpty(view.Id!);
        AssertCarried(expected, view.Id, "id");
        AssertCarried(expected, view.Type, "type");
        AssertCarried(expected, view.Hash, "hash");
        AssertCarried(expected, view.CallbackId, "callback_id");
        AssertCarried(expected, view.PrivateMetadata, "private_metadata");
        AssertCarried(expected, view.RootViewId, "root_view_id");
        AssertCarried(expected, view.AppInstalledTeamId, "app_installed_team_id");
        AssertCarried(expected, view.BotId, "bot_id");
        Assert.Equal(Array(expected, "blocks").Count, view.Blocks is { ValueKind: JsonValueKind.Array } blocks ? blocks.GetArrayLength() : 0);

        if (expected.TryGetProperty("state", out var state) && state.TryGetProperty("values", out var values))
        {
            foreach (var block in values.EnumerateObject())
            {
                foreach (var element in block.Value.EnumerateObject())
                {
                    var value = view.State.Get(block.Name, element.Name);
                    Assert.NotNull(value);
                    AssertCarried(element.Value, value.Type, "type");
                    AssertCarried(element.Value, value.Value, "value");
                    AssertCarried(element.Value, value.SelectedDate, "selected_date");
                    AssertCarried(element.Value, value.SelectedTime, "selected_time");
                    AssertCarried(element.Value, value.SelectedChannel, "selected_channel");
                    AssertCarried(element.Value, value.SelectedOption?.Value, "selected_option", "value");
                }
            }
        }
    }

    private static void AssertEvent(JsonElement expected, SlackEvent slackEvent)
    {
        Assert.Equal(Str(expected, "type"), slackEvent.Type);
        AssertCarried(expected, slackEvent.EventTs, "event_ts");
        switch (Str(expected, "type"))
        {
            case "app_home_opened":
                var opened = Assert.IsType<AppHomeOpenedEvent>(slackEvent);
                Assert.NotEmpty(opened.User);
                AssertCarried(expected, opened.User, "user");
                AssertCarried(expected, opened.Channel, "channel");
                AssertCarried(expected, opened.Tab, "tab");
                if (expected.TryGetProperty("view", out var view))
                {
                    AssertView(view, opened.View!);
                }

                break;
            case "app_uninstalled":
                Assert.IsType<AppUninstalledEvent>(slackEvent);
                break;
            case "tokens_revoked":
                var revoked = Assert.IsType<TokensRevokedEvent>(slackEvent);
                var tokens = expected.GetProperty("tokens");
                Assert.Equal(Array(tokens, "oauth").Select(id => id.GetString()), revoked.Tokens.Oauth);
                Assert.Equal(Array(tokens, "bot").Select(id => id.GetString()), revoked.Tokens.Bot);
                break;
            default:
                var unknown = Assert.IsType<UnknownEvent>(slackEvent);
                Assert.Equal(Str(expected, "user"), Str(unknown.Raw, "user"));
                break;
        }
    }

    private static SlackPayload Parsed(string contentType, string body)
    {
        var result = SlackRequestParser.Parse(contentType, Encoding.UTF8.GetBytes(body));
        return Assert.IsType<SlackParseResult.Parsed>(result).Payload;
    }

    private static ViewState StateFixture(string file) =>
        JsonSerializer.Deserialize<ViewState>(File.ReadAllText(SlackFixtures.PathOf($"requests/interactivity/{file}")), SlackJson.Options)!;

    /// <summary>When the fixture holds a non-empty string at <paramref name="path"/>, the model carries exactly it.</summary>
    private static void AssertCarried(JsonElement root, string? actual, params string[] path)
    {
        var expected = Str(root, path);
        if (!string.IsNullOrEmpty(expected))
        {
            Assert.Equal(expected, actual);
        }
    }

    private static string? Str(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static bool Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static TheoryData<string> FixtureNames(string folder, string pattern, params string[] excluded)
    {
        // Theories need at least one row: when the fixtures are absent, one row that skips itself.
        if (SlackFixtures.Root is null)
        {
            return new TheoryData<string>(Absent);
        }

        var names = SlackFixtures.Files(folder, pattern).Select(Path.GetFileName).OfType<string>().Where(name => !excluded.Contains(name));
        return new TheoryData<string>(names);
    }
}
