using System.Globalization;

namespace SlackApp.Home;

/// <summary>A choice in a workflow's overflow menu on the Home tab, written as <c>verb:id</c> in the option's value.</summary>
public sealed record HomeMenuChoice(string Verb, long WorkflowId)
{
    public const string Edit = "edit";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Test = "test";
    public const string Delete = "delete";

    /// <summary>Null when the value is not one this app wrote.</summary>
    public static HomeMenuChoice? Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split(':', 2);
        return parts.Length == 2
            && parts[0] is Edit or Pause or Resume or Test or Delete
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new HomeMenuChoice(parts[0], id)
            : null;
    }
}
