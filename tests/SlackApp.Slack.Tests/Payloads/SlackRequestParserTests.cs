using System.Text;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Tests.Payloads;

public sealed class SlackRequestParserTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    [Fact]
    public void Reads_a_slash_command_form()
    {
        // https://docs.slack.dev/interactivity/implementing-slash-commands (the /weather example)
        const string body = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001"
            + "&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697"
            + "&user_name=Steve&command=/weather&text=94070+and+beyond&response_url=https://hooks.slack.com/commands/1234/5678"
            + "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";

        var command = ParsedAs<SlashCommand>(Form, body);

        Assert.Equal("/weather", command.Command);
        Assert.Equal("94070 and beyond", command.Text);
        Assert.Equal("T0001", command.TeamId);
        Assert.Equal("example", command.TeamDomain);
        Assert.Equal("E0001", command.EnterpriseId);
        Assert.Equal("Globular Construct Inc", command.EnterpriseName);
        Assert.Equal("C2147483705", command.ChannelId);
        Assert.Equal("test", command.ChannelName);
        Assert.Equal("U2147483697", command.UserId);
        Assert.Equal("Steve", command.UserName);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", command.ResponseUrl);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", command.TriggerId);
        Assert.Equal("A123456", command.ApiAppId);
        Assert.False(command.IsEnterpriseInstall);
    }

    [Fact]
    public void Reads_an_org_wide_slash_command()
    {
        var command = ParsedAs<SlashCommand>(Form, "command=%2Fusergems&text=&team_id=T1&enterprise_id=E1&is_enterprise_install=true");

        Assert.True(command.IsEnterpriseInstall);
        Assert.Equal("", command.Text);
    }

    [Fact]
    public void Reads_a_socket_mode_slash_command_whose_fields_are_a_json_object()
    {
        var parsed = SlackRequestParser.ParseSlashCommand(
            """{"token":"x","team_id":"T1","user_id":"U1","command":"/usergems","text":"workflow list","trigger_id":"1.2.3","is_enterprise_install":"true","response_url":"https://hooks.slack.com/commands/1/2"}""");

        var command = Assert.IsType<SlashCommand>(Assert.IsType<SlackParseResult.Parsed>(parsed).Payload);
        Assert.Equal("/usergems", command.Command);
        Assert.Equal("workflow list", command.Text);
        Assert.Equal("T1", command.TeamId);
        Assert.Equal("1.2.3", command.TriggerId);
        Assert.True(command.IsEnterpriseInstall);
        Assert.IsType<SlackParseResult.Malformed>(SlackRequestParser.ParseSlashCommand("""{"text":"no command"}"""));
    }

    [Fact]
    public void Treats_ssl_check_as_its_own_kind() =>
        ParsedAs<SslCheckPayload>(Form, "token=gIkuvaNzQIHg97ATvDxqgjtO&ssl_check=1");

    [Fact]
    public void Reports_a_form_with_neither_payload_nor_command_as_malformed() =>
        Assert.Contains("neither", MalformedReason(Form, "team_id=T1&user_id=U1"), StringComparison.Ordinal);

    [Fact]
    public void Reports_an_empty_payload_field_as_malformed() =>
        Assert.Equal("Empty payload field", MalformedReason(Form, "payload="));

    [Fact]
    public void Reports_invalid_json_in_the_payload_field_as_malformed() =>
        Assert.Equal("Body is not valid JSON", MalformedReason(Form, "payload=" + Uri.EscapeDataString("{\"type\": \"block_actions\",")));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("not a media type")]
    public void Reports_an_unsupported_content_type_as_malformed(string contentType) =>
        Assert.StartsWith("Unsupported content type", MalformedReason(contentType, "command=%2Fx"), StringComparison.Ordinal);

    [Fact]
    public void Accepts_content_types_with_parameters() =>
        ParsedAs<UrlVerificationPayload>("application/json; charset=utf-8", """{"type":"url_verification","challenge":"c"}""");

    [Fact]
    public void Tells_the_kind_by_shape_when_no_content_type_is_given()
    {
        ParsedAs<UrlVerificationPayload>(null, """ {"type":"url_verification","challenge":"c"}""");
        ParsedAs<SlashCommand>(null, "command=%2Fx");
    }

    [Fact]
    public void Reports_invalid_utf8_as_malformed()
    {
        var result = SlackRequestParser.Parse(Json, [0x7B, 0xFF, 0xFE, 0x7D]);

        Assert.Equal("Body is not valid UTF-8", Assert.IsType<SlackParseResult.Malformed>(result).Reason);
    }

    [Theory]
    [InlineData("[1,2]", "JSON body is not an object")]
    [InlineData("{\"type\":", "Body is not valid JSON")]
    [InlineData("", "Body is not valid JSON")]
    public void Reports_json_that_is_not_an_object_as_malformed(string body, string reason) =>
        Assert.Equal(reason, MalformedReason(Json, body));

    [Fact]
    public void Reports_a_known_type_with_wrongly_typed_members_as_malformed() =>
        Assert.StartsWith(
            "Malformed event_callback payload",
            MalformedReason(Json, """{"type":"event_callback","event_id":"Ev1","event_time":"yesterday","event":{"type":"app_uninstalled"}}"""),
            StringComparison.Ordinal);

    [Fact]
    public void Reports_an_unknown_interaction_type_with_its_type()
    {
        var result = Parse(Form, Interaction("""{"type":"dialog_submission","callback_id":"x"}"""));

        var unknown = Assert.IsType<SlackParseResult.Unknown>(result);
        Assert.Equal("dialog_submission", unknown.Type);
        Assert.Equal("interactivity", unknown.Source);
    }

    [Fact]
    public void Reports_an_unknown_envelope_type_with_its_type()
    {
        var unknown = Assert.IsType<SlackParseResult.Unknown>(Parse(Json, """{"type":"app_deleted_everything"}"""));

        Assert.Equal("app_deleted_everything", unknown.Type);
        Assert.Equal("events", unknown.Source);
    }

    [Fact]
    public void Reads_a_button_click()
    {
        var payload = ParsedAs<BlockActionsPayload>(Form, Interaction(ButtonClick));

        Assert.Equal("block_actions", payload.Type);
        Assert.Equal("T9TK3CUKW", payload.Team?.Id);
        Assert.Equal("UA8RXUSPL", payload.User?.Id);
        Assert.Equal("AABA1ABCD", payload.ApiAppId);
        Assert.Equal("message", payload.Container?.Type);
        Assert.Equal("1548261231.000200", payload.Container?.MessageTs);
        Assert.Equal("CBR2V3XEX", payload.Channel?.Id);
        Assert.Equal("https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209", payload.ResponseUrl);
        Assert.Equal("1548261231.000200", payload.Message?.Ts);
        Assert.Equal("This content can't be displayed.", payload.Message?.Text);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, payload.Message?.Blocks?.ValueKind);

        var button = Assert.IsType<ButtonAction>(Assert.Single(payload.Actions));
        Assert.Equal("WaXA", button.ActionId);
        Assert.Equal("=qXel", button.BlockId);
        Assert.Equal("click_me_123", button.Value);
        Assert.Equal("1548426417.840180", button.ActionTs);
    }

    [Theory]
    [InlineData("""{"type":"static_select","action_id":"a","block_id":"b","selected_option":{"text":{"type":"plain_text","text":"Three"},"value":"3"}}""", typeof(SelectAction))]
    [InlineData("""{"type":"external_select","action_id":"a","block_id":"b","selected_option":{"text":{"type":"plain_text","text":"Three"},"value":"3"}}""", typeof(SelectAction))]
    [InlineData("""{"type":"overflow","action_id":"a","block_id":"b","selected_option":{"text":{"type":"plain_text","text":"Three"},"value":"3"}}""", typeof(OverflowAction))]
    [InlineData("""{"type":"radio_buttons","action_id":"a","block_id":"b","selected_option":{"text":{"type":"mrkdwn","text":"*Three*"},"value":"3"}}""", typeof(RadioButtonsAction))]
    public void Reads_the_option_picked_in_single_choice_elements(string actionJson, Type expectedType)
    {
        var action = SingleAction(actionJson);

        Assert.IsType(expectedType, action);
        var option = action switch
        {
            SelectAction select => select.SelectedOption,
            OverflowAction overflow => overflow.SelectedOption,
            RadioButtonsAction radio => radio.SelectedOption,
            _ => null,
        };
        Assert.Equal("3", option?.Value);
    }

    [Theory]
    [InlineData("multi_static_select")]
    [InlineData("multi_external_select")]
    [InlineData("checkboxes")]
    public void Reads_the_options_picked_in_multiple_choice_elements(string type)
    {
        var action = SingleAction($$"""
            {"type":"{{type}}","action_id":"a","block_id":"b","selected_options":[
              {"text":{"type":"plain_text","text":"One"},"value":"1"},{"text":{"type":"plain_text","text":"Two"},"value":"2"}]}
            """);

        var options = action switch
        {
            MultiSelectAction multi => multi.SelectedOptions,
            CheckboxesAction checkboxes => checkboxes.SelectedOptions,
            _ => throw new InvalidOperationException(action.GetType().Name),
        };
        Assert.Equal(["1", "2"], options.Select(option => option.Value));
    }

    [Fact]
    public void Reads_the_users_conversations_channels_dates_and_text_of_their_elements()
    {
        Assert.Equal("U1", Assert.IsType<UsersSelectAction>(SingleAction("""{"type":"users_select","action_id":"a","selected_user":"U1"}""")).SelectedUser);
        Assert.Equal(["U1", "U2"], Assert.IsType<MultiUsersSelectAction>(SingleAction("""{"type":"multi_users_select","action_id":"a","selected_users":["U1","U2"]}""")).SelectedUsers);
        Assert.Equal("C1", Assert.IsType<ConversationsSelectAction>(SingleAction("""{"type":"conversations_select","action_id":"a","selected_conversation":"C1"}""")).SelectedConversation);
        Assert.Equal(["C1", "G2"], Assert.IsType<MultiConversationsSelectAction>(SingleAction("""{"type":"multi_conversations_select","action_id":"a","selected_conversations":["C1","G2"]}""")).SelectedConversations);
        Assert.Equal("C3", Assert.IsType<ChannelsSelectAction>(SingleAction("""{"type":"channels_select","action_id":"a","selected_channel":"C3"}""")).SelectedChannel);
        Assert.Equal(["C3", "C4"], Assert.IsType<MultiChannelsSelectAction>(SingleAction("""{"type":"multi_channels_select","action_id":"a","selected_channels":["C3","C4"]}""")).SelectedChannels);
        Assert.Equal("2024-05-01", Assert.IsType<DatepickerAction>(SingleAction("""{"type":"datepicker","action_id":"a","selected_date":"2024-05-01"}""")).SelectedDate);
        Assert.Equal("hello", Assert.IsType<PlainTextInputAction>(SingleAction("""{"type":"plain_text_input","action_id":"a","value":"hello"}""")).Value);
    }

    [Fact]
    public void Keeps_an_element_kind_it_does_not_model_with_its_json()
    {
        var action = SingleAction("""{"action_ts":1700000000,"type":"workflow_button","action_id":"run","block_id":"b","workflow":{"trigger":{"url":"x"}}}""");

        var unknown = Assert.IsType<UnknownAction>(action);
        Assert.Equal("workflow_button", unknown.Type);
        Assert.Equal("run", unknown.ActionId);
        Assert.Equal("x", unknown.Raw.GetProperty("workflow").GetProperty("trigger").GetProperty("url").GetString());
    }

    [Fact]
    public void Reads_an_action_whose_type_comes_last()
    {
        var action = SingleAction("""{"action_id":"a","block_id":"b","value":"v","type":"button"}""");

        Assert.Equal("v", Assert.IsType<ButtonAction>(action).Value);
    }

    [Fact]
    public void Reads_a_view_submission_with_typed_state()
    {
        var payload = ParsedAs<ViewSubmissionPayload>(Form, Interaction(Submission));

        Assert.Equal("view_submission", payload.Type);
        Assert.Equal("modal-identifier", payload.View.CallbackId);
        Assert.Equal("VNHU13V36", payload.View.Id);
        Assert.Equal("156663117.cd33ad1f", payload.View.Hash);
        Assert.Equal("shhh-its-secret", payload.View.PrivateMetadata);
        Assert.Equal("https://hooks.slack.com/app/T0001/1/abc", Assert.Single(payload.ResponseUrls).ResponseUrl);

        var state = payload.View.State;
        Assert.Equal("Jane", state.GetText("name", "name-input"));
        Assert.Equal("3", state.GetSelectedOption("rating", "rating-select")?.Value);
        Assert.Equal(["a", "b"], state.GetSelectedOptions("topics", "topics-checkboxes").Select(option => option.Value));
        Assert.Equal("U1", state.GetUser("owner", "owner-select"));
        Assert.Equal(["U1", "U2"], state.GetUsers("watchers", "watchers-select"));
        Assert.Equal("C1", state.GetConversation("where", "where-select"));
        Assert.Equal(["C1", "D2"], state.GetConversations("wheres", "wheres-select"));
        Assert.Equal("C9", state.GetChannel("channel", "channel-select"));
        Assert.Equal(["C9", "C8"], state.GetChannels("channels", "channels-select"));
        Assert.Equal(new DateOnly(2019, 9, 23), state.GetDate("visit", "visit-date"));
        Assert.Equal(new TimeOnly(13, 30), state.GetTime("at", "at-time"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1666869900), state.GetDateTime("when", "when-datetime"));
        Assert.Equal("America/Los_Angeles", state.Get("at", "at-time")?.Timezone);
    }

    [Fact]
    public void Answers_null_or_empty_for_absent_state()
    {
        var state = ParsedAs<ViewSubmissionPayload>(Form, Interaction(Submission)).View.State;

        Assert.Null(state.GetText("missing", "name-input"));
        Assert.Null(state.GetText("name", "missing"));
        Assert.Null(state.GetSelectedOption("name", "name-input"));
        Assert.Empty(state.GetSelectedOptions("missing", "x"));
        Assert.Empty(state.GetUsers("missing", "x"));
        Assert.Empty(state.GetConversations("missing", "x"));
        Assert.Empty(state.GetChannels("missing", "x"));
        Assert.Null(state.GetDate("name", "name-input"));
        Assert.Null(state.GetDateTime("missing", "x"));
    }

    [Fact]
    public void Reads_a_view_submission_whose_state_is_null()
    {
        var payload = ParsedAs<ViewSubmissionPayload>(Form, Interaction("""
            {"type":"view_submission","team":null,"user":{"id":"U1"},"view":{"id":"V1","callback_id":"cb","state":null},"response_urls":null}
            """));

        Assert.Null(payload.View.State.GetText("a", "b"));
        Assert.Empty(payload.ResponseUrls);
    }

    [Fact]
    public void Reports_a_view_submission_without_its_view_as_malformed() =>
        Assert.StartsWith("Malformed view_submission payload", MalformedReason(Form, Interaction("""{"type":"view_submission"}""")), StringComparison.Ordinal);

    [Fact]
    public void Reports_a_view_submission_with_a_null_view_as_malformed() =>
        Assert.StartsWith("Malformed view_submission payload", MalformedReason(Form, Interaction("""{"type":"view_submission","view":null}""")), StringComparison.Ordinal);

    [Fact]
    public void Reads_null_strings_as_empty()
    {
        var action = SingleAction("""{"type":"button","action_id":null,"block_id":null,"value":null}""");

        Assert.Equal("", action.ActionId);
        Assert.Null(action.BlockId);
    }

    [Fact]
    public void Reads_a_view_closed()
    {
        var payload = ParsedAs<ViewClosedPayload>(Form, Interaction("""
            {"type":"view_closed","team":{"id":"T1","domain":"d"},"user":{"id":"U1"},"view":{"id":"V1","callback_id":"wf-edit"},"api_app_id":"A1","is_cleared":true}
            """));

        Assert.Equal("wf-edit", payload.View.CallbackId);
        Assert.True(payload.IsCleared);
    }

    [Fact]
    public void Reads_a_block_suggestion()
    {
        var payload = ParsedAs<BlockSuggestionPayload>(Form, Interaction("""
            {"type":"block_suggestion","user":{"id":"U1"},"container":{"type":"view","view_id":"V1"},"api_app_id":"A1",
             "action_id":"account-search","block_id":"account","value":"acme","team":{"id":"T1","domain":"d"},"view":{"id":"V1","callback_id":"cb"}}
            """));

        Assert.Equal("account-search", payload.ActionId);
        Assert.Equal("account", payload.BlockId);
        Assert.Equal("acme", payload.Value);
        Assert.Equal("V1", payload.View?.Id);
    }

    [Fact]
    public void Reads_a_global_shortcut()
    {
        var payload = ParsedAs<GlobalShortcutPayload>(Form, Interaction("""
            {"type":"shortcut","token":"XXXX","action_ts":"1581106241.371594","team":{"id":"TXXXXXXXX","domain":"shortcuts-test"},
             "user":{"id":"UXXXXXXXXX","username":"aman","team_id":"TXXXXXXXX"},"callback_id":"shortcut_create_task","trigger_id":"944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638"}
            """));

        Assert.Equal("shortcut_create_task", payload.CallbackId);
        Assert.Equal("944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638", payload.TriggerId);
        Assert.Equal("UXXXXXXXXX", payload.User?.Id);
    }

    [Fact]
    public void Reads_a_message_shortcut_whose_type_is_not_first()
    {
        var payload = ParsedAs<MessageShortcutPayload>(Form, Interaction("""
            {"token":"Nj2rfC2hU8mAfgaJLemZgO7H","callback_id":"chirp_message","type":"message_action",
             "trigger_id":"13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536","response_url":"https://hooks.slack.com/app-actions/T0MJR11A4/21974584944/yk1S9ndf35Q1flupVG5JbpM6",
             "team":{"id":"T0MJRM1A7","domain":"pandamonium"},"channel":{"id":"D0LFFBKLZ","name":"cats"},"user":{"id":"U0D15K92L","name":"dr_maomao"},
             "message":{"type":"message","user":"U0MJRG1AL","ts":"1516229207.000133","text":"World's smallest big cat!"}}
            """));

        Assert.Equal("chirp_message", payload.CallbackId);
        Assert.Equal("D0LFFBKLZ", payload.Channel?.Id);
        Assert.Equal("1516229207.000133", payload.Message?.Ts);
        Assert.Equal("https://hooks.slack.com/app-actions/T0MJR11A4/21974584944/yk1S9ndf35Q1flupVG5JbpM6", payload.ResponseUrl);
    }

    [Fact]
    public void Reads_an_org_wide_interaction()
    {
        var payload = ParsedAs<GlobalShortcutPayload>(Form, Interaction("""
            {"type":"shortcut","team":null,"user":{"id":"W1","team_id":"T1"},"is_enterprise_install":true,"enterprise":{"id":"E1","name":"Org"},"callback_id":"cb"}
            """));

        Assert.Null(payload.Team);
        Assert.True(payload.IsEnterpriseInstall);
        Assert.Equal("E1", payload.Enterprise?.Id);
    }

    [Fact]
    public void Reads_url_verification() =>
        Assert.Equal(
            "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            ParsedAs<UrlVerificationPayload>(Json, """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""").Challenge);

    [Fact]
    public void Reads_an_event_callback_envelope()
    {
        var envelope = ParsedAs<EventCallbackPayload>(Json, """
            {"token":"XXYYZZ","team_id":"T123ABC456","api_app_id":"A123ABC456","enterprise_id":"E1",
             "event":{"type":"app_home_opened","user":"U123ABC456","channel":"D123ABC456","tab":"home","event_ts":"1515449522000016",
                      "view":{"id":"V1","type":"home","hash":"h","callback_id":"home","state":{"values":{}}}},
             "type":"event_callback","authed_users":["UXXXXXXX1"],
             "authorizations":[{"enterprise_id":"E1","team_id":"T123ABC456","user_id":"U1","is_bot":true,"is_enterprise_install":false}],
             "event_id":"Ev123ABC456","event_time":1515449522,"is_ext_shared_channel":true,"context_team_id":"T123ABC456"}
            """);

        Assert.Equal("T123ABC456", envelope.TeamId);
        Assert.Equal("E1", envelope.EnterpriseId);
        Assert.Equal("A123ABC456", envelope.ApiAppId);
        Assert.Equal("Ev123ABC456", envelope.EventId);
        Assert.Equal(1515449522, envelope.EventTime);
        Assert.True(envelope.IsExtSharedChannel);
        Assert.Equal("T123ABC456", envelope.ContextTeamId);
        Assert.True(Assert.Single(envelope.Authorizations).IsBot);

        var opened = Assert.IsType<AppHomeOpenedEvent>(envelope.Event);
        Assert.Equal("U123ABC456", opened.User);
        Assert.Equal("D123ABC456", opened.Channel);
        Assert.Equal("home", opened.Tab);
        Assert.Equal("V1", opened.View?.Id);
    }

    [Fact]
    public void Reads_app_uninstalled_and_tokens_revoked()
    {
        Assert.IsType<AppUninstalledEvent>(ParsedAs<EventCallbackPayload>(Json, Envelope("""{"type":"app_uninstalled","event_ts":"1"}""")).Event);

        var revoked = Assert.IsType<TokensRevokedEvent>(ParsedAs<EventCallbackPayload>(Json, Envelope("""{"type":"tokens_revoked","tokens":{"oauth":["U1"],"bot":["U2","U3"]}}""")).Event);
        Assert.Equal(["U1"], revoked.Tokens.Oauth);
        Assert.Equal(["U2", "U3"], revoked.Tokens.Bot);
    }

    [Fact]
    public void Keeps_an_event_type_it_does_not_model_with_its_json()
    {
        var unknown = Assert.IsType<UnknownEvent>(ParsedAs<EventCallbackPayload>(Json, Envelope("""{"event_ts":12,"type":"reaction_added","user":"U1","reaction":"thumbsup"}""")).Event);

        Assert.Equal("reaction_added", unknown.Type);
        Assert.Equal("thumbsup", unknown.Raw.GetProperty("reaction").GetString());
    }

    [Fact]
    public void Parses_a_bare_event_object()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"type":"app_home_opened","user":"U1","channel":"D1"}""");

        Assert.Equal("U1", Assert.IsType<AppHomeOpenedEvent>(SlackRequestParser.ParseEvent(document.RootElement)).User);
    }

    [Fact]
    public void Reads_app_rate_limited()
    {
        var limited = ParsedAs<AppRateLimitedPayload>(Json, """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","type":"app_rate_limited","team_id":"T123456","minute_rate_limited":1518467820,"api_app_id":"A123456"}""");

        Assert.Equal("T123456", limited.TeamId);
        Assert.Equal(1518467820, limited.MinuteRateLimited);
    }

    [Fact]
    public void Ignores_members_it_does_not_model()
    {
        var envelope = ParsedAs<EventCallbackPayload>(Json, """
            {"type":"event_callback","brand_new_field":{"nested":[1,2,3]},"event_id":"Ev1","event_time":1,
             "event":{"type":"app_uninstalled","also_new":true}}
            """);

        Assert.Equal("Ev1", envelope.EventId);
    }

    private const string ButtonClick = """
        {
          "type": "block_actions",
          "team": { "id": "T9TK3CUKW", "domain": "example" },
          "user": { "id": "UA8RXUSPL", "username": "jtorrance", "team_id": "T9TK3CUKW" },
          "api_app_id": "AABA1ABCD",
          "token": "9s8d9as89d8as9d8as989",
          "container": { "type": "message", "message_ts": "1548261231.000200", "channel_id": "CBR2V3XEX", "is_ephemeral": false },
          "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
          "channel": { "id": "CBR2V3XEX", "name": "review-updates" },
          "message": {
            "bot_id": "BAH5CA16Z", "type": "message", "text": "This content can't be displayed.", "user": "UAJ2RU415", "ts": "1548261231.000200",
            "blocks": [ { "type": "section", "block_id": "=qXel", "text": { "type": "mrkdwn", "text": "hi" } } ]
          },
          "response_url": "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209",
          "actions": [
            { "action_id": "WaXA", "block_id": "=qXel", "text": { "type": "plain_text", "text": "View", "emoji": true },
              "value": "click_me_123", "type": "button", "action_ts": "1548426417.840180" }
          ]
        }
        """;

    private const string Submission = """
        {
          "type": "view_submission",
          "team": { "id": "T0001", "domain": "example" },
          "user": { "id": "U0CA5", "username": "amy", "team_id": "T0001" },
          "api_app_id": "A0CA5",
          "trigger_id": "1.2.3",
          "view": {
            "id": "VNHU13V36", "type": "modal", "title": { "type": "plain_text", "text": "Create workflow" },
            "callback_id": "modal-identifier", "private_metadata": "shhh-its-secret", "hash": "156663117.cd33ad1f",
            "blocks": [],
            "state": { "values": {
              "name": { "name-input": { "type": "plain_text_input", "value": "Jane" } },
              "rating": { "rating-select": { "type": "static_select", "selected_option": { "text": { "type": "plain_text", "text": "3 stars" }, "value": "3" } } },
              "topics": { "topics-checkboxes": { "type": "checkboxes", "selected_options": [
                { "text": { "type": "plain_text", "text": "A" }, "value": "a" }, { "text": { "type": "mrkdwn", "text": "B" }, "value": "b" } ] } },
              "owner": { "owner-select": { "type": "users_select", "selected_user": "U1" } },
              "watchers": { "watchers-select": { "type": "multi_users_select", "selected_users": ["U1", "U2"] } },
              "where": { "where-select": { "type": "conversations_select", "selected_conversation": "C1" } },
              "wheres": { "wheres-select": { "type": "multi_conversations_select", "selected_conversations": ["C1", "D2"] } },
              "channel": { "channel-select": { "type": "channels_select", "selected_channel": "C9" } },
              "channels": { "channels-select": { "type": "multi_channels_select", "selected_channels": ["C9", "C8"] } },
              "visit": { "visit-date": { "type": "datepicker", "selected_date": "2019-09-23" } },
              "at": { "at-time": { "type": "timepicker", "selected_time": "13:30", "timezone": "America/Los_Angeles" } },
              "when": { "when-datetime": { "type": "datetimepicker", "selected_date_time": 1666869900 } }
            } }
          },
          "response_urls": [ { "block_id": "where", "action_id": "where-select", "channel_id": "C1", "response_url": "https://hooks.slack.com/app/T0001/1/abc" } ]
        }
        """;

    private static string Interaction(string json) => "payload=" + Uri.EscapeDataString(json);

    private static string Envelope(string eventJson) =>
        $$"""{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev1","event_time":1,"event":{{eventJson}}}""";

    private static BlockAction SingleAction(string actionJson) =>
        Assert.Single(ParsedAs<BlockActionsPayload>(Form, Interaction($$"""{"type":"block_actions","actions":[{{actionJson}}]}""")).Actions);

    private static SlackParseResult Parse(string? contentType, string body) =>
        SlackRequestParser.Parse(contentType, Encoding.UTF8.GetBytes(body));

    private static T ParsedAs<T>(string? contentType, string body)
        where T : SlackPayload
    {
        var result = Parse(contentType, body);
        var parsed = Assert.IsType<SlackParseResult.Parsed>(result, exactMatch: false);
        return Assert.IsType<T>(parsed.Payload);
    }

    private static string MalformedReason(string? contentType, string body) =>
        Assert.IsType<SlackParseResult.Malformed>(Parse(contentType, body)).Reason;
}
