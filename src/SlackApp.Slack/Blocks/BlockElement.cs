using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>An element placed in a section accessory, an actions block or an input block.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Button), "button")]
[JsonDerivedType(typeof(StaticSelect), "static_select")]
[JsonDerivedType(typeof(MultiStaticSelect), "multi_static_select")]
[JsonDerivedType(typeof(UsersSelect), "users_select")]
[JsonDerivedType(typeof(MultiUsersSelect), "multi_users_select")]
[JsonDerivedType(typeof(ConversationsSelect), "conversations_select")]
[JsonDerivedType(typeof(MultiConversationsSelect), "multi_conversations_select")]
[JsonDerivedType(typeof(ChannelsSelect), "channels_select")]
[JsonDerivedType(typeof(MultiChannelsSelect), "multi_channels_select")]
[JsonDerivedType(typeof(ExternalSelect), "external_select")]
[JsonDerivedType(typeof(MultiExternalSelect), "multi_external_select")]
[JsonDerivedType(typeof(OverflowMenu), "overflow")]
[JsonDerivedType(typeof(Checkboxes), "checkboxes")]
[JsonDerivedType(typeof(RadioButtons), "radio_buttons")]
[JsonDerivedType(typeof(DatePicker), "datepicker")]
[JsonDerivedType(typeof(TimePicker), "timepicker")]
[JsonDerivedType(typeof(NumberInput), "number_input")]
[JsonDerivedType(typeof(PlainTextInput), "plain_text_input")]
[JsonDerivedType(typeof(ImageElement), "image")]
public abstract record BlockElement;

/// <summary>An element the user interacts with; its <c>action_id</c> names it in payloads.</summary>
public abstract record InteractiveElement : BlockElement
{
    /// <summary>Identifies the action in payloads (max 255 chars, unique within the block).</summary>
    public string? ActionId { get; init; }
}
