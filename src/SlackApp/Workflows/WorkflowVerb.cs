namespace SlackApp.Workflows;

/// <summary>
/// What a person can do to workflows, whichever surface they use: the slash command, the buttons of the list
/// message, or the Home tab's menu. Each surface translates its input into one of these and the outcome into its reply.
/// </summary>
public enum WorkflowVerb
{
    List,
    Create,
    Edit,
    Pause,
    Resume,
    Delete,
    Test,
    Help,
}

/// <summary>The words, action ids and rights of the <see cref="WorkflowVerb"/>s, in one place.</summary>
public static class WorkflowVerbNames
{
    private static readonly Dictionary<string, WorkflowVerb> ByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["list"] = WorkflowVerb.List,
        ["create"] = WorkflowVerb.Create,
        ["new"] = WorkflowVerb.Create,
        ["edit"] = WorkflowVerb.Edit,
        ["pause"] = WorkflowVerb.Pause,
        ["resume"] = WorkflowVerb.Resume,
        ["delete"] = WorkflowVerb.Delete,
        ["test"] = WorkflowVerb.Test,
        ["help"] = WorkflowVerb.Help,
    };

    /// <summary>The verbs that change workflows: only admins, the installer and workflow managers may use them.</summary>
    public static IReadOnlyList<WorkflowVerb> Changing { get; } = [WorkflowVerb.Create, WorkflowVerb.Edit, WorkflowVerb.Pause, WorkflowVerb.Resume, WorkflowVerb.Delete];

    /// <summary>The verbs everyone may use.</summary>
    public static IReadOnlyList<WorkflowVerb> Open { get; } = [WorkflowVerb.List, WorkflowVerb.Test, WorkflowVerb.Help];

    /// <summary>Every word people type for a verb, aliases included.</summary>
    public static IReadOnlyCollection<string> Words => ByWord.Keys;

    public static bool IsChanging(this WorkflowVerb verb) => Changing.Contains(verb);

    /// <summary>The word typed for <paramref name="verb"/> and written in menu values, e.g. <c>pause</c>.</summary>
    public static string Word(this WorkflowVerb verb) => verb.ToString().ToLowerInvariant();

    /// <summary>The verb a typed word or menu value names (aliases such as <c>new</c> included).</summary>
    public static bool TryParse(string? word, out WorkflowVerb verb) => ByWord.TryGetValue(word ?? string.Empty, out verb);

    /// <summary>The action_id of the button for <paramref name="verb"/> on the list message and the Home tab.</summary>
    public static string ActionId(this WorkflowVerb verb) => verb == WorkflowVerb.Create ? WorkflowActionIds.New : WorkflowActionIds.Prefix + verb.Word();

    /// <summary>The verb of a button's action_id, if it is one of ours.</summary>
    public static WorkflowVerb? FromActionId(string? actionId) =>
        actionId is not null && actionId.StartsWith(WorkflowActionIds.Prefix, StringComparison.Ordinal) && TryParse(actionId[WorkflowActionIds.Prefix.Length..], out var verb)
            ? verb
            : null;
}
