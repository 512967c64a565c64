using System.Text.Json;
using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Tests.Blocks;

// Expected JSON is written after the examples on docs.slack.dev/reference/block-kit.
public sealed class BlockJsonShapeTests
{
    [Fact]
    public void Section_with_button_accessory_matches_Slack_docs_example()
    {
        Block block = new SectionBlock
        {
            Text = new MarkdownText("This is a section block with a button."),
            Accessory = new Button(new PlainText("Click Me") { Emoji = true })
            {
                Value = "click_me_123",
                ActionId = "button-action",
            },
        };

        BlockJson.Equal(
            """
            {
              "type": "section",
              "text": { "type": "mrkdwn", "text": "This is a section block with a button." },
              "accessory": {
                "type": "button",
                "text": { "type": "plain_text", "text": "Click Me", "emoji": true },
                "value": "click_me_123",
                "action_id": "button-action"
              }
            }
            """,
            BlockJson.ToNode(block));
    }

    [Fact]
    public void Section_with_fields_serialises_each_field_with_its_type()
    {
        Block block = new SectionBlock
        {
            BlockId = "fields",
            Fields = [new MarkdownText("*Type:*\nComputer (laptop)"), new PlainText("When: Submitted Aug 10")],
        };

        BlockJson.Equal(
            """
            {
              "type": "section",
              "block_id": "fields",
              "fields": [
                { "type": "mrkdwn", "text": "*Type:*\nComputer (laptop)" },
                { "type": "plain_text", "text": "When: Submitted Aug 10" }
              ]
            }
            """,
            BlockJson.ToNode(block));
    }

    [Fact]
    public void Actions_block_with_select_and_styled_button_matches_Slack_docs_example()
    {
        Block block = new ActionsBlock(
        [
            new StaticSelect
            {
                ActionId = "select_2",
                Placeholder = new PlainText("Which witch is the witchiest witch?"),
                Options = [new Option(new PlainText("Matilda"), "matilda"), new Option(new PlainText("Glinda"), "glinda")],
            },
            new Button(new PlainText("Submit")) { Value = "submit", ActionId = "button_1", Style = ButtonStyle.Primary },
        ])
        { BlockId = "actions1" };

        BlockJson.Equal(
            """
            {
              "type": "actions",
              "block_id": "actions1",
              "elements": [
                {
                  "type": "static_select",
                  "placeholder": { "type": "plain_text", "text": "Which witch is the witchiest witch?" },
                  "action_id": "select_2",
                  "options": [
                    { "text": { "type": "plain_text", "text": "Matilda" }, "value": "matilda" },
                    { "text": { "type": "plain_text", "text": "Glinda" }, "value": "glinda" }
                  ]
                },
                {
                  "type": "button",
                  "text": { "type": "plain_text", "text": "Submit" },
                  "value": "submit",
                  "action_id": "button_1",
                  "style": "primary"
                }
              ]
            }
            """,
            BlockJson.ToNode(block));
    }

    [Fact]
    public void Context_block_holds_images_and_text_side_by_side()
    {
        Block block = new ContextBlock(
        [
            new ImageElement("https://image.freepik.com/free-photo/red-drawing-pin_1156-445.jpg", "images"),
            new MarkdownText("Location: **Dogpatch**"),
        ]);

        BlockJson.Equal(
            """
            {
              "type": "context",
              "elements": [
                { "type": "image", "image_url": "https://image.freepik.com/free-photo/red-drawing-pin_1156-445.jpg", "alt_text": "images" },
                { "type": "mrkdwn", "text": "Location: **Dogpatch**" }
              ]
            }
            """,
            BlockJson.ToNode(block));
    }

    [Fact]
    public void Header_divider_and_image_blocks_match_Slack_docs_examples()
    {
        BlockJson.Equal(
            """{ "type": "header", "text": { "type": "plain_text", "text": "A Heartfelt Header" } }""",
            BlockJson.ToNode<Block>(new HeaderBlock(new PlainText("A Heartfelt Header"))));
        BlockJson.Equal("""{ "type": "divider" }""", BlockJson.ToNode<Block>(new DividerBlock()));
        BlockJson.Equal(
            """
            {
              "type": "image",
              "title": { "type": "plain_text", "text": "Please enjoy this photo of a kitten" },
              "block_id": "image4",
              "image_url": "http://placekitten.com/500/500",
              "alt_text": "An incredibly cute kitten."
            }
            """,
            BlockJson.ToNode<Block>(new ImageBlock("http://placekitten.com/500/500", "An incredibly cute kitten.")
            {
                BlockId = "image4",
                Title = new PlainText("Please enjoy this photo of a kitten"),
            }));
    }

    [Fact]
    public void Input_block_with_multiline_text_input_and_dispatch_config()
    {
        Block block = new InputBlock(
            new PlainText("Label"),
            new PlainTextInput
            {
                ActionId = "plain_text_input-action",
                Multiline = true,
                MinLength = 10,
                MaxLength = 500,
                DispatchActionConfig = new DispatchActionConfig([DispatchTrigger.OnEnterPressed, DispatchTrigger.OnCharacterEntered]),
            })
        {
            DispatchAction = true,
            Optional = false,
            Hint = new PlainText("A hint"),
        };

        BlockJson.Equal(
            """
            {
              "type": "input",
              "dispatch_action": true,
              "optional": false,
              "hint": { "type": "plain_text", "text": "A hint" },
              "element": {
                "type": "plain_text_input",
                "action_id": "plain_text_input-action",
                "multiline": true,
                "min_length": 10,
                "max_length": 500,
                "dispatch_action_config": { "trigger_actions_on": ["on_enter_pressed", "on_character_entered"] }
              },
              "label": { "type": "plain_text", "text": "Label" }
            }
            """,
            BlockJson.ToNode(block));
    }

    [Fact]
    public void Conversations_select_carries_its_filter_and_defaults()
    {
        BlockElement element = new MultiConversationsSelect
        {
            ActionId = "recipients",
            Placeholder = new PlainText("Select conversations"),
            DefaultToCurrentConversation = true,
            MaxSelectedItems = 3,
            Filter = new ConversationFilter
            {
                Include = [ConversationType.Public, ConversationType.Private, ConversationType.Im, ConversationType.Mpim],
                ExcludeExternalSharedChannels = true,
                ExcludeBotUsers = true,
            },
        };

        BlockJson.Equal(
            """
            {
              "type": "multi_conversations_select",
              "action_id": "recipients",
              "placeholder": { "type": "plain_text", "text": "Select conversations" },
              "default_to_current_conversation": true,
              "max_selected_items": 3,
              "filter": {
                "include": ["public", "private", "im", "mpim"],
                "exclude_external_shared_channels": true,
                "exclude_bot_users": true
              }
            }
            """,
            BlockJson.ToNode(element));
    }

    [Fact]
    public void Every_element_kind_writes_its_Slack_type_name()
    {
        var options = new[] { new Option(new PlainText("A"), "a") };
        var expected = new (BlockElement Element, string Type)[]
        {
            (new Button(new PlainText("b")), "button"),
            (new StaticSelect { Options = options }, "static_select"),
            (new MultiStaticSelect { Options = options }, "multi_static_select"),
            (new UsersSelect { InitialUser = "U1" }, "users_select"),
            (new MultiUsersSelect { InitialUsers = ["U1"] }, "multi_users_select"),
            (new ConversationsSelect { InitialConversation = "C1" }, "conversations_select"),
            (new MultiConversationsSelect { InitialConversations = ["C1"] }, "multi_conversations_select"),
            (new ChannelsSelect { InitialChannel = "C1" }, "channels_select"),
            (new MultiChannelsSelect { InitialChannels = ["C1"] }, "multi_channels_select"),
            (new ExternalSelect { MinQueryLength = 2 }, "external_select"),
            (new MultiExternalSelect { MinQueryLength = 2 }, "multi_external_select"),
            (new OverflowMenu(options), "overflow"),
            (new Checkboxes(options), "checkboxes"),
            (new RadioButtons(options), "radio_buttons"),
            (new DatePicker(), "datepicker"),
            (new TimePicker(), "timepicker"),
            (new NumberInput { IsDecimalAllowed = false }, "number_input"),
            (new PlainTextInput(), "plain_text_input"),
            (new ImageElement("https://example.com/a.png", "a"), "image"),
        };

        foreach (var (element, type) in expected)
        {
            Assert.Equal(type, (string?)BlockJson.ToNode(element)!["type"]);
        }
    }

    [Fact]
    public void Date_picker_writes_its_initial_date_as_year_month_day()
    {
        var node = BlockJson.ToNode<BlockElement>(new DatePicker { ActionId = "d", InitialDate = new DateOnly(1990, 4, 28) });

        Assert.Equal("1990-04-28", (string?)node!["initial_date"]);
    }

    [Fact]
    public void Number_input_writes_its_bounds_as_strings_and_always_says_whether_decimals_are_allowed()
    {
        var node = BlockJson.ToNode<BlockElement>(new NumberInput { ActionId = "n", IsDecimalAllowed = false, MinValue = "1", MaxValue = "500" });

        Assert.False((bool)node!["is_decimal_allowed"]!);
        Assert.Equal("1", (string?)node["min_value"]);
        Assert.Equal("500", (string?)node["max_value"]);
    }

    [Fact]
    public void Checkboxes_with_mrkdwn_options_descriptions_and_confirm()
    {
        var option = new Option(new MarkdownText("*this is mrkdwn text*"), "value-0")
        {
            Description = new PlainText("*this is plain_text text*"),
        };
        BlockElement element = new Checkboxes([option])
        {
            ActionId = "this_is_an_action_id",
            InitialOptions = [option],
            Confirm = new ConfirmationDialog(
                new PlainText("Are you sure?"),
                new MarkdownText("Wouldn't you prefer a good game of _chess_?"),
                new PlainText("Do it"),
                new PlainText("Stop, I've changed my mind!"))
            { Style = ButtonStyle.Danger },
        };

        BlockJson.Equal(
            """
            {
              "type": "checkboxes",
              "action_id": "this_is_an_action_id",
              "options": [
                {
                  "text": { "type": "mrkdwn", "text": "*this is mrkdwn text*" },
                  "description": { "type": "plain_text", "text": "*this is plain_text text*" },
                  "value": "value-0"
                }
              ],
              "initial_options": [
                {
                  "text": { "type": "mrkdwn", "text": "*this is mrkdwn text*" },
                  "description": { "type": "plain_text", "text": "*this is plain_text text*" },
                  "value": "value-0"
                }
              ],
              "confirm": {
                "title": { "type": "plain_text", "text": "Are you sure?" },
                "text": { "type": "mrkdwn", "text": "Wouldn't you prefer a good game of _chess_?" },
                "confirm": { "type": "plain_text", "text": "Do it" },
                "deny": { "type": "plain_text", "text": "Stop, I've changed my mind!" },
                "style": "danger"
              }
            }
            """,
            BlockJson.ToNode(element));
    }

    [Fact]
    public void Modal_view_serialises_with_type_modal_and_its_buttons()
    {
        View view = new ModalView(new PlainText("My App"))
        {
            Submit = new PlainText("Submit"),
            Close = new PlainText("Cancel"),
            CallbackId = "workflow_edit",
            PrivateMetadata = "{\"workflow\":42}",
            ExternalId = "wf-42",
            ClearOnClose = true,
            NotifyOnClose = true,
            Blocks = [new DividerBlock()],
        };

        BlockJson.Equal(
            """
            {
              "type": "modal",
              "title": { "type": "plain_text", "text": "My App" },
              "submit": { "type": "plain_text", "text": "Submit" },
              "close": { "type": "plain_text", "text": "Cancel" },
              "blocks": [{ "type": "divider" }],
              "callback_id": "workflow_edit",
              "private_metadata": "{\"workflow\":42}",
              "external_id": "wf-42",
              "clear_on_close": true,
              "notify_on_close": true
            }
            """,
            BlockJson.ToNode(view));
    }

    [Fact]
    public void Home_view_serialises_with_type_home()
    {
        View view = new HomeView { Blocks = [new HeaderBlock(new PlainText("Workflows"))] };

        BlockJson.Equal(
            """{ "type": "home", "blocks": [{ "type": "header", "text": { "type": "plain_text", "text": "Workflows" } }] }""",
            BlockJson.ToNode(view));
    }

    [Fact]
    public void Message_omits_absent_blocks_and_nulls()
    {
        BlockJson.Equal("""{ "text": "Hello" }""", BlockJson.ToNode(new Message("Hello")));
        BlockJson.Equal(
            """{ "text": "Hi", "blocks": [{ "type": "actions", "elements": [{ "type": "button", "text": { "type": "plain_text", "text": "Go" } }] }] }""",
            BlockJson.ToNode(new Message("Hi", [new ActionsBlock([new Button(new PlainText("Go"))])])));
    }

    [Fact]
    public void Header_with_mrkdwn_text_is_refused_when_parsed()
    {
        Assert.Throws<JsonException>(() =>
            BlockJson.Parse<Block>("""{ "type": "header", "text": { "type": "mrkdwn", "text": "*bold*" } }"""));
    }

    [Fact]
    public void Button_style_other_than_primary_or_danger_is_refused_when_parsed()
    {
        Assert.Throws<JsonException>(() =>
            BlockJson.Parse<BlockElement>("""{ "type": "button", "text": { "type": "plain_text", "text": "x" }, "style": "blue" }"""));
    }

    [Fact]
    public void Unknown_block_type_is_refused_rather_than_silently_dropped()
    {
        Assert.Throws<JsonException>(() => BlockJson.Parse<Block>("""{ "type": "rich_text", "elements": [] }"""));
    }

    [Fact]
    public void Type_discriminator_may_come_after_other_fields_as_Slack_sends_it()
    {
        var element = BlockJson.Parse<IContextElement>(
            """{ "fallback": "20x20px image", "image_url": "https://example.com/p.png", "image_width": 20, "type": "image", "alt_text": "placeholder" }""");

        var image = Assert.IsType<ImageElement>(element);
        Assert.Equal("https://example.com/p.png", image.ImageUrl);
        Assert.Equal("placeholder", image.AltText);
    }
}
