using System.Text.RegularExpressions;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Which <c>block_actions</c> a listener takes, as Bolt's constraints object: the action_id, and optionally the
/// block_id and the action's value (a button's value, or the selected option's value of a menu).
/// </summary>
public sealed record ActionConstraints(ListenerId ActionId)
{
    public ListenerId? BlockId { get; init; }

    public ListenerId? Value { get; init; }

    public static implicit operator ActionConstraints(string actionId) => new(ListenerId.Exact(actionId));

    public static implicit operator ActionConstraints(Regex actionId) => new(ListenerId.Pattern(actionId));

    public static implicit operator ActionConstraints(ListenerId actionId) => new(actionId);

    /// <summary>Whether <paramref name="action"/> meets every constraint.</summary>
    public bool Matches(BlockAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ActionId.Matches(action.ActionId)
            && (BlockId is null || BlockId.Matches(action.BlockId))
            && (Value is null || Value.Matches(ValueOf(action)));
    }

    public override string ToString() =>
        $"{ActionId}{(BlockId is null ? "" : $" in block {BlockId}")}{(Value is null ? "" : $" with value {Value}")}";

    private static string? ValueOf(BlockAction action) => action switch
    {
        ButtonAction button => button.Value,
        OverflowAction overflow => overflow.SelectedOption?.Value,
        SelectAction select => select.SelectedOption?.Value,
        RadioButtonsAction radio => radio.SelectedOption?.Value,
        _ => null,
    };
}
