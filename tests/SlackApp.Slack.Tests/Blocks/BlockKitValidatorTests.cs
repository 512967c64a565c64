using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Tests.Blocks;

public sealed class BlockKitValidatorTests
{
    private static readonly Option[] ThreeOptions =
    [
        new(new PlainText("One"), "1"),
        new(new PlainText("Two"), "2"),
        new(new PlainText("Three"), "3"),
    ];

    private static string Chars(int count) => new('x', count);

    private static PlainText Plain(int length) => new(Chars(length));

    private static IReadOnlyList<BlockKitViolation> InMessage(params Block[] blocks) =>
        BlockKitValidator.Validate(new Message("fallback", blocks));

    private static IReadOnlyList<BlockKitViolation> InMessageElement(BlockElement element) =>
        InMessage(new ActionsBlock([element]));

    private static IReadOnlyList<BlockKitViolation> InModal(params Block[] blocks) =>
        BlockKitValidator.Validate(new ModalView(new PlainText("Title")) { Submit = new PlainText("Save"), Blocks = blocks });

    private static ConfirmationDialog Confirm(int title = 5, int text = 5, int confirm = 5, int deny = 5) =>
        new(Plain(title), Plain(text), Plain(confirm), Plain(deny));

    private static void Only(string path, IReadOnlyList<BlockKitViolation> violations) =>
        Assert.Equal(path, Assert.Single(violations).Path);

    // ----- Surfaces -----

    [Fact]
    public void A_valid_rich_message_has_no_violations()
    {
        var message = new Message(
            "Champion moved",
            [
                new HeaderBlock(new PlainText("Champion moved")),
                new SectionBlock
                {
                    Text = new MarkdownText(Mrkdwn.Escape("<Ada> joined Acme & Co")),
                    Fields = [new MarkdownText("*Title*"), new PlainText("CTO")],
                    Accessory = new ImageElement("https://example.com/a.png", "Ada"),
                },
                new ContextBlock([new MarkdownText("via signals"), new ImageElement("https://example.com/l.png", "logo")]),
                new DividerBlock(),
                new ActionsBlock(
                [
                    new Button(new PlainText("Acknowledge")) { ActionId = "ack", Value = "1", Style = ButtonStyle.Primary, Confirm = Confirm() },
                    new Button(new PlainText("Open")) { ActionId = "open", Url = "https://example.com" },
                    new OverflowMenu(ThreeOptions) { ActionId = "more" },
                    new StaticSelect { ActionId = "pick", Options = ThreeOptions, InitialOption = ThreeOptions[1] },
                ]),
                new ImageBlock("https://example.com/chart.png", "chart") { Title = new PlainText("Chart") },
            ]);

        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void A_valid_modal_and_home_have_no_violations()
    {
        var modal = new ModalView(new PlainText("New workflow"))
        {
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            PrivateMetadata = Chars(3000),
            CallbackId = Chars(255),
            Blocks =
            [
                new InputBlock(new PlainText("Name"), new PlainTextInput { ActionId = "v", MinLength = 1, MaxLength = 80, FocusOnLoad = true }),
                new InputBlock(new PlainText("Signals"), new MultiStaticSelect { ActionId = "v", Options = ThreeOptions, InitialOptions = [ThreeOptions[0]], MaxSelectedItems = 2 }),
                new InputBlock(new PlainText("Where"), new ConversationsSelect { ActionId = "v", Filter = new ConversationFilter { Include = [ConversationType.Public] } }),
                new InputBlock(new PlainText("When"), new DatePicker { ActionId = "v" }) { Optional = true, Hint = new PlainText("Any day") },
                new InputBlock(new PlainText("How"), new RadioButtons(ThreeOptions) { ActionId = "v", InitialOption = ThreeOptions[2] }),
                new InputBlock(new PlainText("Also"), new Checkboxes(ThreeOptions) { ActionId = "v", InitialOptions = [ThreeOptions[0], ThreeOptions[1]] }),
            ],
        };
        var home = new HomeView { Blocks = [new HeaderBlock(new PlainText("Workflows")), new ActionsBlock([new Button(new PlainText("New")) { ActionId = "new" }])] };

        Assert.Empty(BlockKitValidator.Validate(modal));
        Assert.Empty(BlockKitValidator.Validate(home));
    }

    [Fact]
    public void Message_with_more_than_50_blocks_is_refused()
    {
        Assert.Empty(InMessage([.. Enumerable.Range(0, 50).Select(_ => new DividerBlock())]));
        Only("$.blocks", InMessage([.. Enumerable.Range(0, 51).Select(_ => new DividerBlock())]));
    }

    [Fact]
    public void Modal_and_home_with_more_than_100_blocks_are_refused()
    {
        Block[] hundred = [.. Enumerable.Range(0, 100).Select(_ => new DividerBlock())];
        Block[] hundredAndOne = [.. hundred, new DividerBlock()];

        Assert.Empty(InModal(hundred));
        Only("$.blocks", InModal(hundredAndOne));
        Only("$.blocks", BlockKitValidator.Validate(new HomeView { Blocks = hundredAndOne }));
        Only("$.blocks", BlockKitValidator.Validate(hundredAndOne, BlockSurface.Home));
    }

    [Fact]
    public void Message_needs_fallback_text()
    {
        Only("$.text", BlockKitValidator.Validate(new Message(" ", [new DividerBlock()])));
    }

    [Fact]
    public void Every_violation_is_reported_not_just_the_first()
    {
        var violations = InMessage(new HeaderBlock(Plain(151)) { BlockId = Chars(256) }, new SectionBlock());

        Assert.Equal(["$.blocks[0].block_id", "$.blocks[0].text.text", "$.blocks[1]"], violations.Select(v => v.Path).Order());
    }

    // ----- Ids -----

    [Fact]
    public void Block_id_longer_than_255_is_refused()
    {
        Assert.Empty(InMessage(new DividerBlock { BlockId = Chars(255) }));
        Only("$.blocks[0].block_id", InMessage(new DividerBlock { BlockId = Chars(256) }));
    }

    [Fact]
    public void Block_ids_must_be_unique_within_the_surface()
    {
        Only("$.blocks[2].block_id", InMessage(new DividerBlock { BlockId = "a" }, new DividerBlock { BlockId = "b" }, new DividerBlock { BlockId = "a" }));
    }

    [Fact]
    public void Action_id_longer_than_255_is_refused()
    {
        Only("$.blocks[0].elements[0].action_id", InMessageElement(new Button(new PlainText("b")) { ActionId = Chars(256) }));
    }

    [Fact]
    public void Action_ids_must_be_unique_within_a_block_but_may_repeat_across_blocks()
    {
        Only(
            "$.blocks[0].elements[1].action_id",
            InMessage(new ActionsBlock([new Button(new PlainText("a")) { ActionId = "x" }, new Button(new PlainText("b")) { ActionId = "x" }])));
        Assert.Empty(InModal(
            new InputBlock(new PlainText("A"), new PlainTextInput { ActionId = "value" }),
            new InputBlock(new PlainText("B"), new PlainTextInput { ActionId = "value" })));
    }

    // ----- Blocks -----

    [Fact]
    public void Section_text_longer_than_3000_is_refused()
    {
        Assert.Empty(InMessage(new SectionBlock { Text = new MarkdownText(Chars(3000)) }));
        Only("$.blocks[0].text.text", InMessage(new SectionBlock { Text = new MarkdownText(Chars(3001)) }));
    }

    [Fact]
    public void Section_allows_at_most_10_fields_of_2000_characters()
    {
        Only("$.blocks[0].fields", InMessage(new SectionBlock { Fields = [.. Enumerable.Range(0, 11).Select(_ => new PlainText("f"))] }));
        Only("$.blocks[0].fields[1].text", InMessage(new SectionBlock { Fields = [new PlainText("f"), new MarkdownText(Chars(2001))] }));
    }

    [Fact]
    public void Section_needs_text_or_fields()
    {
        Only("$.blocks[0]", InMessage(new SectionBlock { Accessory = new Button(new PlainText("b")) }));
    }

    [Fact]
    public void Header_text_longer_than_150_is_refused()
    {
        Assert.Empty(InMessage(new HeaderBlock(Plain(150))));
        Only("$.blocks[0].text.text", InMessage(new HeaderBlock(Plain(151))));
    }

    [Fact]
    public void Context_needs_between_1_and_10_elements()
    {
        Only("$.blocks[0].elements", InMessage(new ContextBlock([])));
        Only("$.blocks[0].elements", InMessage(new ContextBlock([.. Enumerable.Range(0, 11).Select(_ => new PlainText("c"))])));
    }

    [Fact]
    public void Actions_needs_between_1_and_25_elements()
    {
        Only("$.blocks[0].elements", InMessage(new ActionsBlock([])));
        Only(
            "$.blocks[0].elements",
            InMessage(new ActionsBlock([.. Enumerable.Range(0, 26).Select(i => new Button(new PlainText("b")) { ActionId = $"b{i}" })])));
    }

    [Fact]
    public void Input_label_and_hint_are_limited_to_2000()
    {
        Only("$.blocks[0].label.text", InModal(new InputBlock(Plain(2001), new PlainTextInput())));
        Only("$.blocks[0].hint.text", InModal(new InputBlock(Plain(5), new PlainTextInput()) { Hint = Plain(2001) }));
    }

    [Fact]
    public void Input_refuses_elements_that_cannot_collect_input()
    {
        Only("$.blocks[0].element.type", InModal(new InputBlock(new PlainText("L"), new Button(new PlainText("b")))));
        Only("$.blocks[0].element.type", InModal(new InputBlock(new PlainText("L"), new OverflowMenu(ThreeOptions))));
    }

    [Fact]
    public void Image_elements_are_refused_in_actions_and_text_inputs_in_section_accessories()
    {
        Only("$.blocks[0].elements[0].type", InMessageElement(new ImageElement("https://e.com/a.png", "a")));
        Only("$.blocks[0].accessory.type", InMessage(new SectionBlock { Text = new PlainText("t"), Accessory = new PlainTextInput() }));
    }

    [Fact]
    public void Text_inputs_are_refused_in_actions_blocks_but_accepted_in_input_blocks()
    {
        var violation = Assert.Single(InModal(new ActionsBlock([new PlainTextInput { ActionId = "name" }])));
        Assert.Equal("$.blocks[0].elements[0].type", violation.Path);
        Assert.Contains("actions block", violation.Message, StringComparison.Ordinal);
        Assert.Empty(InModal(new InputBlock(new PlainText("Name"), new PlainTextInput { ActionId = "name" })));
    }

    [Fact]
    public void Image_url_alt_text_and_title_are_limited()
    {
        Only("$.blocks[0].image_url", InMessage(new ImageBlock(Chars(3001), "alt")));
        Only("$.blocks[0].alt_text", InMessage(new ImageBlock("https://e.com/a.png", Chars(2001))));
        Only("$.blocks[0].title.text", InMessage(new ImageBlock("https://e.com/a.png", "alt") { Title = Plain(2001) }));
        Only("$.blocks[0].elements[0].alt_text", InMessage(new ContextBlock([new ImageElement("https://e.com/a.png", "")])));
    }

    // ----- Text objects -----

    [Fact]
    public void Text_objects_must_not_be_empty()
    {
        Only("$.blocks[0].elements[0].text", InMessage(new ContextBlock([new MarkdownText("")])));
        Only("$.blocks[0].elements[0].text.text", InMessageElement(new Button(new PlainText(" "))));
    }

    [Fact]
    public void Select_and_overflow_options_must_be_plain_text()
    {
        var mrkdwnOption = new Option(new MarkdownText("*A*"), "a");

        Only("$.blocks[0].elements[0].options[0].text.type", InMessageElement(new StaticSelect { Options = [mrkdwnOption] }));
        Only("$.blocks[0].elements[0].options[0].text.type", InMessageElement(new OverflowMenu([mrkdwnOption])));
        Assert.Empty(InMessageElement(new Checkboxes([mrkdwnOption])));
    }

    [Fact]
    public void Option_description_must_be_plain_text()
    {
        Only(
            "$.blocks[0].elements[0].options[0].description.type",
            InMessageElement(new RadioButtons([new Option(new PlainText("A"), "a") { Description = new MarkdownText("*d*") }])));
    }

    // ----- Button -----

    [Theory]
    [InlineData("text.text")]
    [InlineData("value")]
    [InlineData("url")]
    [InlineData("accessibility_label")]
    public void Button_fields_are_limited(string field)
    {
        var button = field switch
        {
            "text.text" => new Button(Plain(76)),
            "value" => new Button(Plain(5)) { Value = Chars(2001) },
            "url" => new Button(Plain(5)) { Url = Chars(3001) },
            _ => new Button(Plain(5)) { AccessibilityLabel = Chars(76) },
        };

        Only($"$.blocks[0].elements[0].{field}", InMessageElement(button));
        Assert.Empty(InMessageElement(new Button(Plain(75)) { Value = Chars(2000), Url = Chars(3000), AccessibilityLabel = Chars(75) }));
    }

    [Fact]
    public void Button_style_must_be_primary_or_danger()
    {
        Only("$.blocks[0].elements[0].style", InMessageElement(new Button(Plain(5)) { Style = (ButtonStyle)7 }));
    }

    // ----- Options -----

    [Theory]
    [InlineData("text.text", 76, 1, 1)]
    [InlineData("value", 5, 151, 1)]
    [InlineData("description.text", 5, 1, 76)]
    public void Option_text_value_and_description_are_limited(string field, int text, int value, int description)
    {
        var option = new Option(Plain(text), Chars(value)) { Description = Plain(description) };

        Only($"$.blocks[0].elements[0].options[0].{field}", InMessageElement(new RadioButtons([option])));
    }

    [Fact]
    public void Option_url_is_only_allowed_in_overflow_menus()
    {
        var linked = new Option(new PlainText("Docs"), "docs") { Url = "https://example.com" };

        Assert.Empty(InMessageElement(new OverflowMenu([linked])));
        Only("$.blocks[0].elements[0].options[0].url", InMessageElement(new StaticSelect { Options = [linked] }));
        Only("$.blocks[0].elements[0].options[0].url", InMessageElement(new OverflowMenu([linked with { Url = Chars(3001) }])));
    }

    // ----- Selects -----

    [Fact]
    public void Static_select_allows_at_most_100_options_or_100_groups()
    {
        Option[] many = [.. Enumerable.Range(0, 101).Select(i => new Option(new PlainText($"o{i}"), $"{i}"))];
        OptionGroup[] groups = [.. Enumerable.Range(0, 101).Select(i => new OptionGroup(new PlainText($"g{i}"), [ThreeOptions[0]]))];

        Only("$.blocks[0].elements[0].options", InMessageElement(new StaticSelect { Options = many }));
        Only("$.blocks[0].elements[0].option_groups", InMessageElement(new MultiStaticSelect { OptionGroups = groups }));
    }

    [Fact]
    public void Static_select_takes_options_or_option_groups_but_not_both_nor_neither()
    {
        Only("$.blocks[0].elements[0]", InMessageElement(new StaticSelect { Options = ThreeOptions, OptionGroups = [new OptionGroup(new PlainText("G"), ThreeOptions)] }));
        Only("$.blocks[0].elements[0]", InMessageElement(new StaticSelect()));
    }

    [Fact]
    public void Option_group_label_is_limited_to_75()
    {
        Only(
            "$.blocks[0].elements[0].option_groups[0].label.text",
            InMessageElement(new StaticSelect { OptionGroups = [new OptionGroup(Plain(76), ThreeOptions)] }));
    }

    [Fact]
    public void Initial_options_must_be_among_the_options()
    {
        var stranger = new Option(new PlainText("Four"), "4");

        Only("$.blocks[0].elements[0].initial_option", InMessageElement(new StaticSelect { Options = ThreeOptions, InitialOption = stranger }));
        Only("$.blocks[0].elements[0].initial_options[1]", InMessageElement(new MultiStaticSelect { Options = ThreeOptions, InitialOptions = [ThreeOptions[0], stranger] }));
        Only("$.blocks[0].elements[0].initial_options[0]", InMessageElement(new Checkboxes(ThreeOptions) { InitialOptions = [stranger] }));
        Only("$.blocks[0].elements[0].initial_option", InMessageElement(new RadioButtons(ThreeOptions) { InitialOption = ThreeOptions[0] with { Value = "other" } }));
        Assert.Empty(InMessageElement(new StaticSelect { OptionGroups = [new OptionGroup(new PlainText("G"), ThreeOptions)], InitialOption = ThreeOptions[2] }));
    }

    [Fact]
    public void Max_selected_items_must_be_at_least_1()
    {
        Only("$.blocks[0].elements[0].max_selected_items", InMessageElement(new MultiUsersSelect { MaxSelectedItems = 0 }));
        Assert.Empty(InMessageElement(new MultiUsersSelect { MaxSelectedItems = 1 }));
    }

    [Fact]
    public void Placeholders_are_limited_to_150()
    {
        Only("$.blocks[0].elements[0].placeholder.text", InMessageElement(new ChannelsSelect { Placeholder = Plain(151) }));
        Only("$.blocks[0].elements[0].placeholder.text", InMessageElement(new DatePicker { Placeholder = Plain(151) }));
        Only("$.blocks[0].element.placeholder.text", InModal(new InputBlock(new PlainText("L"), new PlainTextInput { Placeholder = Plain(151) })));
        Assert.Empty(InMessageElement(new ExternalSelect { Placeholder = Plain(150) }));
    }

    [Fact]
    public void Time_picker_initial_time_must_be_24_hour_hours_and_minutes()
    {
        Only("$.blocks[0].element.initial_time", InModal(new InputBlock(new PlainText("At"), new TimePicker { InitialTime = "9am" })));
        Assert.Empty(InModal(new InputBlock(new PlainText("At"), new TimePicker { InitialTime = "09:00", Timezone = "Europe/Berlin" })));
    }

    [Fact]
    public void Number_input_bounds_must_be_numbers_in_order_and_hold_the_initial_value()
    {
        Only("$.blocks[0].element.min_value", InModal(new InputBlock(new PlainText("N"), new NumberInput { IsDecimalAllowed = false, MinValue = "1.5" })));
        Only("$.blocks[0].element.min_value", InModal(new InputBlock(new PlainText("N"), new NumberInput { IsDecimalAllowed = false, MinValue = "9", MaxValue = "2" })));
        Only("$.blocks[0].element.initial_value", InModal(new InputBlock(new PlainText("N"), new NumberInput { IsDecimalAllowed = false, MinValue = "5", InitialValue = "1" })));
        Assert.Empty(InModal(new InputBlock(new PlainText("N"), new NumberInput { IsDecimalAllowed = false, MinValue = "5", MaxValue = "1440", InitialValue = "60" })));
    }

    [Fact]
    public void Number_input_is_for_input_blocks_only()
    {
        Only("$.blocks[0].elements[0].type", InMessageElement(new NumberInput { IsDecimalAllowed = false }));
    }

    [Fact]
    public void Conversation_filter_include_must_not_be_empty()
    {
        Only(
            "$.blocks[0].elements[0].filter.include",
            InMessageElement(new MultiConversationsSelect { Filter = new ConversationFilter { Include = [] } }));
    }

    // ----- Overflow, checkboxes, radio buttons -----

    [Fact]
    public void Overflow_needs_between_1_and_5_options()
    {
        Option[] six = [.. Enumerable.Range(0, 6).Select(i => new Option(new PlainText($"o{i}"), $"{i}"))];

        Only("$.blocks[0].elements[0].options", InMessageElement(new OverflowMenu([])));
        Only("$.blocks[0].elements[0].options", InMessageElement(new OverflowMenu(six)));
        Assert.Empty(InMessageElement(new OverflowMenu(six[..5])));
    }

    [Fact]
    public void Checkboxes_and_radio_buttons_allow_at_most_10_options()
    {
        Option[] eleven = [.. Enumerable.Range(0, 11).Select(i => new Option(new PlainText($"o{i}"), $"{i}"))];

        Only("$.blocks[0].elements[0].options", InMessageElement(new Checkboxes(eleven)));
        Only("$.blocks[0].elements[0].options", InMessageElement(new RadioButtons(eleven)));
        Assert.Empty(InMessageElement(new Checkboxes(eleven[..10])));
    }

    // ----- Confirmation dialog -----

    [Theory]
    [InlineData("title.text", 101, 5, 5, 5)]
    [InlineData("text.text", 5, 301, 5, 5)]
    [InlineData("confirm.text", 5, 5, 31, 5)]
    [InlineData("deny.text", 5, 5, 5, 31)]
    public void Confirmation_dialog_fields_are_limited(string field, int title, int text, int confirm, int deny)
    {
        Only($"$.blocks[0].elements[0].confirm.{field}", InMessageElement(new Button(Plain(5)) { Confirm = Confirm(title, text, confirm, deny) }));
        Assert.Empty(InMessageElement(new Button(Plain(5)) { Confirm = Confirm(100, 300, 30, 30) }));
    }

    [Fact]
    public void Confirmation_dialogs_are_checked_on_every_element_that_has_one()
    {
        var bad = Confirm(title: 101);

        Only("$.blocks[0].elements[0].confirm.title.text", InMessageElement(new OverflowMenu(ThreeOptions) { Confirm = bad }));
        Only("$.blocks[0].elements[0].confirm.title.text", InMessageElement(new StaticSelect { Options = ThreeOptions, Confirm = bad }));
        Only("$.blocks[0].elements[0].confirm.title.text", InMessageElement(new Checkboxes(ThreeOptions) { Confirm = bad }));
        Only("$.blocks[0].elements[0].confirm.title.text", InMessageElement(new RadioButtons(ThreeOptions) { Confirm = bad }));
        Only("$.blocks[0].elements[0].confirm.title.text", InMessageElement(new DatePicker { Confirm = bad }));
    }

    // ----- Plain text input -----

    [Theory]
    [InlineData(-1, null, "min_length")]
    [InlineData(3001, null, "min_length")]
    [InlineData(null, 0, "max_length")]
    [InlineData(null, 3001, "max_length")]
    [InlineData(100, 50, "min_length")]
    public void Plain_text_input_lengths_must_be_within_3000_and_ordered(int? min, int? max, string field)
    {
        Only($"$.blocks[0].element.{field}", InModal(new InputBlock(new PlainText("L"), new PlainTextInput { MinLength = min, MaxLength = max })));
    }

    [Fact]
    public void Plain_text_input_initial_value_must_fit_max_length()
    {
        Only("$.blocks[0].element.initial_value", InModal(new InputBlock(new PlainText("L"), new PlainTextInput { MaxLength = 3, InitialValue = "four" })));
    }

    [Fact]
    public void Dispatch_action_config_needs_a_trigger()
    {
        Only(
            "$.blocks[0].element.dispatch_action_config.trigger_actions_on",
            InModal(new InputBlock(new PlainText("L"), new PlainTextInput { DispatchActionConfig = new DispatchActionConfig([]) })));
    }

    [Fact]
    public void Only_one_element_per_view_may_focus_on_load()
    {
        Only(
            "$.blocks[1].element.focus_on_load",
            InModal(
                new InputBlock(new PlainText("A"), new PlainTextInput { FocusOnLoad = true }),
                new InputBlock(new PlainText("B"), new UsersSelect { FocusOnLoad = true })));
    }

    // ----- Views -----

    [Theory]
    [InlineData("title")]
    [InlineData("submit")]
    [InlineData("close")]
    public void Modal_title_submit_and_close_are_limited_to_24(string field)
    {
        var modal = new ModalView(Plain(24)) { Submit = Plain(24), Close = Plain(24), Blocks = [new DividerBlock()] };
        var tooLong = field switch
        {
            "title" => modal with { Title = Plain(25) },
            "submit" => modal with { Submit = Plain(25) },
            _ => modal with { Close = Plain(25) },
        };

        Assert.Empty(BlockKitValidator.Validate(modal));
        Only($"$.{field}.text", BlockKitValidator.Validate(tooLong));
    }

    [Fact]
    public void Modal_with_input_blocks_needs_submit()
    {
        var modal = new ModalView(new PlainText("T")) { Blocks = [new InputBlock(new PlainText("L"), new PlainTextInput())] };

        Only("$.submit", BlockKitValidator.Validate(modal));
        Assert.Empty(BlockKitValidator.Validate(modal with { Blocks = [new DividerBlock()] }));
    }

    [Theory]
    [InlineData("private_metadata")]
    [InlineData("callback_id")]
    [InlineData("external_id")]
    public void View_metadata_and_ids_are_limited(string field)
    {
        var home = new HomeView { Blocks = [new DividerBlock()] };
        var tooLong = field switch
        {
            "private_metadata" => home with { PrivateMetadata = Chars(3001) },
            "callback_id" => home with { CallbackId = Chars(256) },
            _ => home with { ExternalId = Chars(256) },
        };

        Only($"$.{field}", BlockKitValidator.Validate(tooLong));
    }
}
