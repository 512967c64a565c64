using System.Text.Json;
using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Payloads;

/// <summary>One interaction with a Block Kit element in a <c>block_actions</c> payload; derived types carry the element's value.</summary>
public abstract record BlockAction
{
    /// <summary>The element kind, e.g. <c>button</c> or <c>static_select</c>.</summary>
    public string Type { get; init => field = value ?? ""; } = "";

    public string ActionId { get; init => field = value ?? ""; } = "";
    public string? BlockId { get; init; }
    public string? ActionTs { get; init; }
}

/// <summary>A button click.</summary>
public sealed record ButtonAction : BlockAction
{
    public string? Value { get; init; }
}

/// <summary>A choice in a static_select or external_select.</summary>
public sealed record SelectAction : BlockAction
{
    public Option? SelectedOption { get; init; }
}

/// <summary>Choices in a multi_static_select or multi_external_select.</summary>
public sealed record MultiSelectAction : BlockAction
{
    public IReadOnlyList<Option> SelectedOptions { get; init => field = value ?? []; } = [];
}

/// <summary>A choice in a users_select.</summary>
public sealed record UsersSelectAction : BlockAction
{
    public string? SelectedUser { get; init; }
}

/// <summary>Choices in a multi_users_select.</summary>
public sealed record MultiUsersSelectAction : BlockAction
{
    public IReadOnlyList<string> SelectedUsers { get; init => field = value ?? []; } = [];
}

/// <summary>A choice in a conversations_select.</summary>
public sealed record ConversationsSelectAction : BlockAction
{
    public string? SelectedConversation { get; init; }
}

/// <summary>Choices in a multi_conversations_select.</summary>
public sealed record MultiConversationsSelectAction : BlockAction
{
    public IReadOnlyList<string> SelectedConversations { get; init => field = value ?? []; } = [];
}

/// <summary>A choice in a channels_select.</summary>
public sealed record ChannelsSelectAction : BlockAction
{
    public string? SelectedChannel { get; init; }
}

/// <summary>Choices in a multi_channels_select.</summary>
public sealed record MultiChannelsSelectAction : BlockAction
{
    public IReadOnlyList<string> SelectedChannels { get; init => field = value ?? []; } = [];
}

/// <summary>A choice in an overflow menu.</summary>
public sealed record OverflowAction : BlockAction
{
    public Option? SelectedOption { get; init; }
}

/// <summary>The boxes ticked in a checkboxes group.</summary>
public sealed record CheckboxesAction : BlockAction
{
    public IReadOnlyList<Option> SelectedOptions { get; init => field = value ?? []; } = [];
}

/// <summary>A choice in a radio_buttons group.</summary>
public sealed record RadioButtonsAction : BlockAction
{
    public Option? SelectedOption { get; init; }
}

/// <summary>A date picked in a datepicker (<c>YYYY-MM-DD</c>).</summary>
public sealed record DatepickerAction : BlockAction
{
    public string? SelectedDate { get; init; }
}

/// <summary>Text entered in a plain_text_input with <c>dispatch_action</c>.</summary>
public sealed record PlainTextInputAction : BlockAction
{
    public string? Value { get; init; }
}

/// <summary>An element kind this library does not model; its JSON is kept as sent.</summary>
public sealed record UnknownAction : BlockAction
{
    public JsonElement Raw { get; init; }
}
