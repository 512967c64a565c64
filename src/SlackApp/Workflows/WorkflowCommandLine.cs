namespace SlackApp.Workflows;

/// <summary>What a person typed after <c>/usergems</c>, read as a subcommand and its argument.</summary>
/// <param name="Subcommand">A known subcommand (<c>list</c>, <c>create</c>, ...), or null when the text names none.</param>
/// <param name="Argument">What follows the subcommand: a workflow's name or <c>#ID</c>.</param>
/// <param name="Unknown">The word that was not understood, when <paramref name="Subcommand"/> is null.</param>
public sealed record WorkflowCommandLine(string? Subcommand, string Argument = "", string? Unknown = null)
{
    public const string List = "list";
    public const string Create = "create";
    public const string Edit = "edit";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Delete = "delete";
    public const string Test = "test";
    public const string Help = "help";

    /// <summary>The subcommands people type, with their aliases.</summary>
    public static readonly IReadOnlyList<string> Subcommands = [List, Create, "new", Edit, Pause, Resume, Delete, Test, Help];

    private static readonly string[] TopLevel = ["workflow", "workflows"];

    public static WorkflowCommandLine Parse(string? text)
    {
        var words = (text ?? string.Empty).Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return new WorkflowCommandLine(List);
        }

        if (TopLevel.Contains(words[0].ToLowerInvariant()))
        {
            if (words.Length == 1)
            {
                return new WorkflowCommandLine(List);
            }

            words = words[1].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // "/usergems list" works as well as "/usergems workflow list".
        var word = words[0].ToLowerInvariant();
        var argument = words.Length > 1 ? words[1] : string.Empty;
        return word switch
        {
            "new" => new WorkflowCommandLine(Create, argument),
            _ when Subcommands.Contains(word) => new WorkflowCommandLine(word, argument),
            _ => new WorkflowCommandLine(null, argument, words[0]),
        };
    }

    /// <summary>The known word closest to <see cref="Unknown"/>, for a "did you mean" hint.</summary>
    public string? Suggestion => Unknown is null ? null : DidYouMean.Suggest(Unknown, [.. Subcommands, .. TopLevel]);
}
