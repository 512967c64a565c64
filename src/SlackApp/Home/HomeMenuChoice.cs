using SlackApp.Slack.Routing;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// A choice in a workflow's overflow menu on the Home tab, written as <c>verb:id</c> in the option's value with
/// the verbs' own words (<see cref="WorkflowVerbNames"/>); <see cref="Parse"/> mirrors <see cref="Write"/>.
/// </summary>
public sealed record HomeMenuChoice(WorkflowVerb Verb, long WorkflowId)
{
    public static string Write(WorkflowVerb verb, long workflowId) => $"{verb.Word()}:{IdValue.Write(workflowId)}";

    /// <summary>Null when the value is not one this app wrote.</summary>
    public static HomeMenuChoice? Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split(':', 2);
        return parts.Length == 2
            && WorkflowVerbNames.TryParse(parts[0], out var verb)
            && IdValue.Read(parts[1]) is { } id
            ? new HomeMenuChoice(verb, id)
            : null;
    }

    /// <summary>Menu values naming one of <paramref name="verbs"/>, so each group of verbs gets its own listener and guards.</summary>
    public static ListenerId Naming(IReadOnlyCollection<WorkflowVerb> verbs) =>
        ListenerId.Where(value => Parse(value) is { } choice && verbs.Contains(choice.Verb), string.Join('|', verbs.Select(v => v.Word() + ":*")));
}
