using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>What a person typed after <c>/usergems</c>, read as a verb and its argument.</summary>
/// <param name="Verb">The verb the text names, or null when it names none.</param>
/// <param name="Argument">What follows the verb: a workflow's name or <c>#ID</c>.</param>
/// <param name="Unknown">The word that was not understood, when <paramref name="Verb"/> is null.</param>
public sealed record WorkflowCommandLine(WorkflowVerb? Verb, string Argument = "", string? Unknown = null)
{
    /// <summary>The slash command the app answers.</summary>
    public const string Command = "/usergems";

    public const string Usage =
        """
        *UserGems Signals* — who hears about which signals, configured right here.
        • `/usergems workflow list` — your workspace's workflows (also just `/usergems`)
        • `/usergems workflow create` — a new workflow (also `new`)
        • `/usergems workflow edit NAME` or `edit #ID` — change one
        • `/usergems workflow pause NAME`, `resume NAME`, `delete NAME` — stop, restart or remove one
        • `/usergems workflow test NAME` — send yourself a test notification
        • `/usergems why SIGNAL_ID` — what became of a signal (admins and managers)
        • `/usergems audit` — who changed what, latest first (admins)
        • `/usergems workflow help` — this help
        """;

    private static readonly string[] TopLevel = ["workflow", "workflows"];

    /// <summary>The verb's word (<c>list</c>, <c>create</c>, ...), or null.</summary>
    public string? Subcommand => Verb?.Word();

    public static WorkflowCommandLine Parse(string? text)
    {
        var words = (text ?? string.Empty).Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return new WorkflowCommandLine(WorkflowVerb.List);
        }

        if (TopLevel.Contains(words[0].ToLowerInvariant()))
        {
            if (words.Length == 1)
            {
                return new WorkflowCommandLine(WorkflowVerb.List);
            }

            words = words[1].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // "/usergems list" works as well as "/usergems workflow list".
        var argument = words.Length > 1 ? words[1] : string.Empty;
        return WorkflowVerbNames.TryParse(words[0], out var verb)
            ? new WorkflowCommandLine(verb, argument)
            : new WorkflowCommandLine(null, argument, words[0]);
    }

    /// <summary>Command texts naming one of <paramref name="verbs"/>, so each group of verbs gets its own listener and guards.</summary>
    public static ListenerId Naming(IReadOnlyCollection<WorkflowVerb> verbs)
    {
        ArgumentNullException.ThrowIfNull(verbs);
        return ListenerId.Where(text => Parse(text).Verb is { } verb && verbs.Contains(verb), "workflow " + string.Join('|', verbs.Select(v => v.Word())));
    }

    /// <summary>The known word closest to <see cref="Unknown"/>, for a "did you mean" hint.</summary>
    public string? Suggestion => Unknown is null ? null : DidYouMean.Suggest(Unknown, [.. WorkflowVerbNames.Words, .. TopLevel]);
}
