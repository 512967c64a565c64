using System.Globalization;
using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Payloads;

/// <summary>
/// The values of a view's input elements (<c>view.state.values[block_id][action_id]</c>), with typed accessors
/// that return null or an empty list when the block, the action or the value is absent.
/// </summary>
public sealed record ViewState
{
    public static ViewState Empty { get; } = new();

    /// <summary>Values keyed by block_id, then action_id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>> Values
    {
        get;
        init => field = value ?? new Dictionary<string, IReadOnlyDictionary<string, ViewStateValue>>();
    } = new Dictionary<string, IReadOnlyDictionary<string, ViewStateValue>>();

    /// <summary>The raw value of one element, or null.</summary>
    public ViewStateValue? Get(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var actions) && actions is not null && actions.TryGetValue(actionId, out var value)
            ? value
            : null;

    /// <summary>Text typed into a plain_text_input, email_text_input, url_text_input or number_input.</summary>
    public string? GetText(string blockId, string actionId) => Get(blockId, actionId)?.Value;

    /// <summary>The option picked in a static/external select, radio buttons or an overflow menu.</summary>
    public Option? GetSelectedOption(string blockId, string actionId) => Get(blockId, actionId)?.SelectedOption;

    /// <summary>The options picked in a multi static/external select or checkboxes.</summary>
    public IReadOnlyList<Option> GetSelectedOptions(string blockId, string actionId) =>
        Get(blockId, actionId)?.SelectedOptions ?? [];

    /// <summary>The user picked in a users_select.</summary>
    public string? GetUser(string blockId, string actionId) => Get(blockId, actionId)?.SelectedUser;

    /// <summary>The users picked in a multi_users_select.</summary>
    public IReadOnlyList<string> GetUsers(string blockId, string actionId) => Get(blockId, actionId)?.SelectedUsers ?? [];

    /// <summary>The conversation picked in a conversations_select.</summary>
    public string? GetConversation(string blockId, string actionId) => Get(blockId, actionId)?.SelectedConversation;

    /// <summary>The conversations picked in a multi_conversations_select.</summary>
    public IReadOnlyList<string> GetConversations(string blockId, string actionId) =>
        Get(blockId, actionId)?.SelectedConversations ?? [];

    /// <summary>The public channel picked in a channels_select.</summary>
    public string? GetChannel(string blockId, string actionId) => Get(blockId, actionId)?.SelectedChannel;

    /// <summary>The public channels picked in a multi_channels_select.</summary>
    public IReadOnlyList<string> GetChannels(string blockId, string actionId) =>
        Get(blockId, actionId)?.SelectedChannels ?? [];

    /// <summary>The date picked in a datepicker (Slack sends <c>YYYY-MM-DD</c>).</summary>
    public DateOnly? GetDate(string blockId, string actionId) =>
        DateOnly.TryParseExact(Get(blockId, actionId)?.SelectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The time picked in a timepicker (Slack sends <c>HH:mm</c>); see <see cref="ViewStateValue.Timezone"/>.</summary>
    public TimeOnly? GetTime(string blockId, string actionId) =>
        TimeOnly.TryParseExact(Get(blockId, actionId)?.SelectedTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    /// <summary>The instant picked in a datetimepicker (Slack sends Unix seconds).</summary>
    public DateTimeOffset? GetDateTime(string blockId, string actionId) =>
        Get(blockId, actionId)?.SelectedDateTime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}

/// <summary>The state of one input element; which member is set depends on <see cref="Type"/>.</summary>
public sealed record ViewStateValue
{
    /// <summary>The element kind (<c>plain_text_input</c>, <c>static_select</c>, <c>datepicker</c>, ...).</summary>
    public string? Type { get; init; }

    public string? Value { get; init; }
    public Option? SelectedOption { get; init; }
    public IReadOnlyList<Option>? SelectedOptions { get; init; }
    public string? SelectedUser { get; init; }
    public IReadOnlyList<string>? SelectedUsers { get; init; }
    public string? SelectedConversation { get; init; }
    public IReadOnlyList<string>? SelectedConversations { get; init; }
    public string? SelectedChannel { get; init; }
    public IReadOnlyList<string>? SelectedChannels { get; init; }
    public string? SelectedDate { get; init; }
    public string? SelectedTime { get; init; }
    public string? Timezone { get; init; }
    public long? SelectedDateTime { get; init; }
}
