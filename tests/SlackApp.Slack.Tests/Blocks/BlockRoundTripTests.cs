using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Tests.Blocks;

public sealed class BlockRoundTripTests
{
    private const string RichMessage =
        """
        {
          "text": "A past champion changed jobs",
          "blocks": [
            { "type": "header", "block_id": "h", "text": { "type": "plain_text", "text": "Champion moved", "emoji": true } },
            {
              "type": "section", "block_id": "s",
              "text": { "type": "mrkdwn", "text": "*Ada* joined *Acme*", "verbatim": true },
              "fields": [{ "type": "mrkdwn", "text": "*Title*\nCTO" }, { "type": "plain_text", "text": "Owner: Bob" }],
              "accessory": {
                "type": "overflow", "action_id": "more",
                "options": [
                  { "text": { "type": "plain_text", "text": "Open" }, "value": "open", "url": "https://example.com" },
                  { "text": { "type": "plain_text", "text": "Mute" }, "value": "mute" }
                ],
                "confirm": {
                  "title": { "type": "plain_text", "text": "Sure?" }, "text": { "type": "plain_text", "text": "Really" },
                  "confirm": { "type": "plain_text", "text": "Yes" }, "deny": { "type": "plain_text", "text": "No" }, "style": "primary"
                }
              }
            },
            { "type": "divider", "block_id": "d" },
            {
              "type": "context", "block_id": "c",
              "elements": [{ "type": "image", "image_url": "https://example.com/a.png", "alt_text": "logo" }, { "type": "plain_text", "text": "via signals" }]
            },
            {
              "type": "actions", "block_id": "a",
              "elements": [
                { "type": "button", "action_id": "ack", "text": { "type": "plain_text", "text": "Acknowledge" }, "value": "sig-1", "style": "primary", "accessibility_label": "Acknowledge signal" },
                { "type": "button", "action_id": "sfdc", "text": { "type": "plain_text", "text": "Open in Salesforce" }, "url": "https://acme.my.salesforce.com/001" },
                { "type": "users_select", "action_id": "assign", "initial_user": "U123", "placeholder": { "type": "plain_text", "text": "Assign" } },
                { "type": "channels_select", "action_id": "share", "initial_channel": "C123" },
                { "type": "datepicker", "action_id": "snooze", "initial_date": "2025-01-31" },
                { "type": "radio_buttons", "action_id": "rate", "options": [{ "text": { "type": "mrkdwn", "text": "*Good*" }, "value": "good" }], "initial_option": { "text": { "type": "mrkdwn", "text": "*Good*" }, "value": "good" } }
              ]
            },
            { "type": "image", "block_id": "i", "image_url": "https://example.com/chart.png", "alt_text": "chart", "title": { "type": "plain_text", "text": "Chart" } }
          ]
        }
        """;

    private const string WorkflowModal =
        """
        {
          "type": "modal",
          "callback_id": "workflow_edit",
          "title": { "type": "plain_text", "text": "New workflow" },
          "submit": { "type": "plain_text", "text": "Save" },
          "close": { "type": "plain_text", "text": "Cancel" },
          "notify_on_close": true,
          "blocks": [
            {
              "type": "input", "block_id": "name", "label": { "type": "plain_text", "text": "Name" },
              "element": { "type": "plain_text_input", "action_id": "value", "initial_value": "Champions", "max_length": 80, "focus_on_load": true }
            },
            {
              "type": "input", "block_id": "signals", "label": { "type": "plain_text", "text": "Signals" },
              "element": {
                "type": "multi_static_select", "action_id": "value", "max_selected_items": 2,
                "option_groups": [
                  { "label": { "type": "plain_text", "text": "People" }, "options": [{ "text": { "type": "plain_text", "text": "Job change" }, "value": "job_change" }] }
                ],
                "initial_options": [{ "text": { "type": "plain_text", "text": "Job change" }, "value": "job_change" }]
              }
            },
            {
              "type": "input", "block_id": "channel", "optional": true, "label": { "type": "plain_text", "text": "Channel" },
              "element": { "type": "conversations_select", "action_id": "value", "response_url_enabled": true, "filter": { "include": ["public", "private"] } }
            },
            {
              "type": "input", "block_id": "owner", "label": { "type": "plain_text", "text": "Owners" },
              "element": { "type": "multi_users_select", "action_id": "value", "initial_users": ["U1", "U2"] }
            },
            {
              "type": "input", "block_id": "account", "label": { "type": "plain_text", "text": "Account" },
              "element": { "type": "external_select", "action_id": "value", "min_query_length": 2, "initial_option": { "text": { "type": "plain_text", "text": "Acme" }, "value": "001" } }
            },
            {
              "type": "input", "block_id": "options", "label": { "type": "plain_text", "text": "Options" }, "hint": { "type": "plain_text", "text": "Pick any" },
              "element": { "type": "checkboxes", "action_id": "value", "options": [{ "text": { "type": "plain_text", "text": "DM owner" }, "value": "dm" }] }
            }
          ]
        }
        """;

    [Fact]
    public void Rich_message_parses_into_the_model_and_serialises_back_unchanged()
    {
        var message = BlockJson.RoundTrips<Message>(RichMessage);

        Assert.Equal("A past champion changed jobs", message.Text);
        Assert.Collection(
            message.Blocks!,
            block => Assert.IsType<HeaderBlock>(block),
            block => Assert.IsType<OverflowMenu>(Assert.IsType<SectionBlock>(block).Accessory),
            block => Assert.IsType<DividerBlock>(block),
            block => Assert.IsType<ImageElement>(Assert.IsType<ContextBlock>(block).Elements[0]),
            block => Assert.Equal(ButtonStyle.Primary, Assert.IsType<Button>(Assert.IsType<ActionsBlock>(block).Elements[0]).Style),
            block => Assert.Equal("chart", Assert.IsType<ImageBlock>(block).AltText));
        var picker = Assert.IsType<DatePicker>(((ActionsBlock)message.Blocks![4]).Elements[4]);
        Assert.Equal(new DateOnly(2025, 1, 31), picker.InitialDate);
    }

    [Fact]
    public void Modal_parses_as_a_view_and_serialises_back_unchanged()
    {
        var view = BlockJson.RoundTrips<View>(WorkflowModal);

        var modal = Assert.IsType<ModalView>(view);
        Assert.Equal("New workflow", modal.Title.Text);
        Assert.Equal(6, modal.Blocks.Count);
        var filter = Assert.IsType<ConversationsSelect>(((InputBlock)modal.Blocks[2]).Element).Filter!;
        Assert.Equal([ConversationType.Public, ConversationType.Private], filter.Include);
    }

    [Fact]
    public void Home_view_round_trips()
    {
        var view = BlockJson.RoundTrips<View>(
            """{ "type": "home", "callback_id": "home", "private_metadata": "v1", "blocks": [{ "type": "section", "text": { "type": "mrkdwn", "text": "Hi" } }] }""");

        Assert.IsType<HomeView>(view);
    }

    [Fact]
    public void Rich_message_and_modal_are_valid_Block_Kit()
    {
        Assert.Empty(BlockKitValidator.Validate(BlockJson.Parse<Message>(RichMessage)));
        Assert.Empty(BlockKitValidator.Validate(BlockJson.Parse<View>(WorkflowModal)));
    }

    [Fact]
    public void Fields_Slack_adds_that_we_do_not_model_are_ignored()
    {
        var block = BlockJson.Parse<Block>(
            """{ "type": "section", "block_id": "x", "expand": true, "text": { "type": "mrkdwn", "text": "t", "verbatim": false } }""");

        Assert.Equal("x", Assert.IsType<SectionBlock>(block).BlockId);
    }
}
