using System.Globalization;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Explanations;

/// <summary>
/// Draws <c>/usergems why</c>'s answer: the signal, each workflow (matched, or why not), each item's fate. Pure. Lines
/// are packed into sections, and long lists end with "…and N more", so the message stays far below 50 blocks.
/// </summary>
public static class SignalExplanationComposer
{
    /// <summary>Lines per section, and sections per list: at most 100 workflows and 100 items are listed.</summary>
    public const int LinesPerSection = 10;

    public const int SectionsPerList = 10;

    public const string RetentionWords =
        "Signals are kept for a limited time (90 days unless the app is configured otherwise) and then removed, so an older signal may be gone.";

    // Section text may hold 3,000 characters; packing stops short of it.
    private const int SectionBudget = 2900;
    private const int MaxLineLength = 300;

    public static Message Compose(SignalExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var id = ExplanationText.Code(explanation.SignalId, 128);
        var blocks = new List<Block> { new HeaderBlock(new PlainText(UntrustedText.Truncate($"Why: signal {UntrustedText.Line(explanation.SignalId)}", BlockKitLimits.HeaderText)) { Emoji = false }) };
        if (explanation.Found is not { } found)
        {
            blocks.Add(Section($"I found no signal {id} in this workspace.\n{RetentionWords} Check the id: it is the `id` the signal source sent."));
            return new Message($"No signal {id} in this workspace.", blocks);
        }

        blocks.Add(Section(Facts(found)));
        blocks.Add(new DividerBlock());
        blocks.AddRange(List("*Workflows*", WorkflowLines(explanation), "This workspace has no workflows."));
        if (explanation.Workflows.Count > 0)
        {
            blocks.Add(new ContextBlock([new MarkdownText("Checked against the workflows as they are now; they may have changed since the signal was matched.")]));
        }

        blocks.Add(new DividerBlock());
        blocks.AddRange(List("*Messages* (one item per recipient)", ItemLines(explanation), NoItems(found)));
        return new Message(Fallback(explanation, id), blocks);
    }

    private static string Facts(ExplainedSignal found)
    {
        var lines = new List<string>();
        if (found.Signal is { } signal)
        {
            var person = signal.Person;
            var title = string.IsNullOrWhiteSpace(person.Title) ? string.Empty : ", " + UntrustedText.MrkdwnClipped(person.Title, 150);
            lines.Add($"*Type:* {SignalNames.Label(signal.Type)}");
            lines.Add($"*Person:* {UntrustedText.MrkdwnClipped(person.FullName, 150)}{title}");
            lines.Add($"*Company:* {UntrustedText.MrkdwnClipped(signal.Account.Name, 150)}");
        }
        else
        {
            lines.Add($"*Type:* {UntrustedText.MrkdwnClipped(found.TypeName, 64)} (the stored signal could not be read, so it is not checked against the workflows)");
        }

        lines.Add($"*Received:* {ExplanationText.Date(found.ReceivedAt)}");
        lines.Add("*Matching:* " + Matching(found));
        return string.Join('\n', lines);
    }

    private static string Matching(ExplainedSignal found)
    {
        if (found.Matched)
        {
            var when = found.MatchedAt is { } at ? " " + ExplanationText.Date(at) : string.Empty;
            var count = found.MatchCount is { } n ? $", {ExplanationText.Count(n, "workflow", "workflows")}" : string.Empty;
            return $"matched{when}{count}";
        }

        if (found.Attempts > 0)
        {
            var error = found.LastError is { } e ? $": {UntrustedText.MrkdwnClipped(e, 200)}" : string.Empty;
            return $"pending — {ExplanationText.Count(found.Attempts, "matching attempt", "matching attempts")} failed so far{error}";
        }

        return "pending — not matched yet; it is usually matched within seconds";
    }

    private static List<string> WorkflowLines(SignalExplanation explanation) =>
        [.. explanation.Workflows
            .OrderBy(v => v.Matched ? 0 : 1)
            .Select(v =>
            {
                var name = $"*{UntrustedText.MrkdwnClipped(v.Name, Workflow.MaxNameLength)}* (#{v.WorkflowId.ToString(CultureInfo.InvariantCulture)})";
                return v.Matched
                    ? $":white_check_mark: {name}: matches · {UntrustedText.MrkdwnClipped(string.Join(" · ", v.Reasons), MaxLineLength)}"
                    : $":heavy_minus_sign: {name}: {UntrustedText.MrkdwnClipped(v.Miss!, MaxLineLength)}";
            })];

    private static List<string> ItemLines(SignalExplanation explanation) =>
        [.. explanation.Items.Select(item =>
        {
            var via = item.WorkflowName is { } workflow ? $" (via *{UntrustedText.MrkdwnClipped(workflow, Workflow.MaxNameLength)}*)" : string.Empty;
            return $"{ExplanationText.Recipient(item.RecipientKind, item.RecipientId)}{via}: {ItemState.Describe(item)}";
        })];

    private static string NoItems(ExplainedSignal found) => found switch
    {
        { Signal: null } => "No items.",
        { Matched: false } => "Nothing planned yet: the signal has not been matched.",
        { MatchCount: 0 or null } => "No workflow matched, so nothing was sent.",
        _ => "No items were recorded: its workflows had nobody to send it to.",
    };

    // A heading and its lines, packed into sections; past the budget, the rest is counted.
    private static List<Block> List(string heading, List<string> lines, string whenEmpty)
    {
        if (lines.Count == 0)
        {
            return [Section($"{heading}\n{whenEmpty}")];
        }

        var sections = new List<List<string>> { new() { heading } };
        var shown = 0;
        foreach (var line in lines)
        {
            var current = sections[^1];
            if (current.Count >= LinesPerSection || current.Sum(l => l.Length + 1) + line.Length > SectionBudget)
            {
                if (sections.Count == SectionsPerList)
                {
                    break;
                }

                current = [];
                sections.Add(current);
            }

            current.Add(line);
            shown++;
        }

        if (shown < lines.Count)
        {
            sections[^1][^1] = $"…and {(lines.Count - shown + 1).ToString(CultureInfo.InvariantCulture)} more.";
        }

        return [.. sections.Select(s => Section(string.Join('\n', s)))];
    }

    private static string Fallback(SignalExplanation explanation, string id)
    {
        var matched = explanation.Workflows.Count(v => v.Matched);
        return $"Signal {id}: {ExplanationText.Count(matched, "workflow matches", "workflows match")}, {ExplanationText.Count(explanation.Items.Count, "item", "items")}.";
    }

    private static SectionBlock Section(string mrkdwn) => new() { Text = UntrustedText.Markdown(mrkdwn) };
}
