using System.Globalization;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The ephemeral answer to <c>/usergems workflow list</c>, drawn for the person who asked: each workflow, its summary
/// and the buttons their rights allow (members get Send test and a line saying whom to ask for the rest; the
/// guards on the buttons stay the real check).
/// </summary>
public static class WorkflowListMessage
{
    /// <summary>Two blocks each, within a message's 50 blocks with room for the heading and the footer.</summary>
    public const int MaxWorkflows = 20;

    public static Message Build(IReadOnlyList<Workflow> workflows, WorkflowAccess access, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(access);
        var blocks = new List<Block>();
        if (notice is not null)
        {
            blocks.Add(new ContextBlock([new MarkdownText(notice)]));
        }

        if (workflows.Count == 0)
        {
            blocks.Add(new SectionBlock
            {
                Text = new MarkdownText(access.CanChange
                    ? "*No workflows yet.* A workflow says who hears about which signals: create one to get started."
                    : "*No workflows yet.* A workflow says who hears about which signals."),
            });
        }
        else
        {
            blocks.Add(new SectionBlock { Text = new MarkdownText($"*Workflows* ({workflows.Count.ToString(CultureInfo.InvariantCulture)})") });
            foreach (var workflow in workflows.Take(MaxWorkflows))
            {
                blocks.Add(new SectionBlock { Text = UntrustedText.Markdown(Describe(workflow)) });
                blocks.Add(new ActionsBlock(Buttons(workflow, access)) { BlockId = $"workflow.{workflow.Id.ToString(CultureInfo.InvariantCulture)}" });
            }

            if (workflows.Count > MaxWorkflows)
            {
                blocks.Add(new ContextBlock([new MarkdownText($"…and {(workflows.Count - MaxWorkflows).ToString(CultureInfo.InvariantCulture)} more: see them all on the app's Home tab.")]));
            }
        }

        if (access.CanChange)
        {
            blocks.Add(new ActionsBlock([new Button(new PlainText("New workflow")) { ActionId = WorkflowActionIds.New, Style = ButtonStyle.Primary, Value = "new" }]) { BlockId = "workflow.list" });
        }
        else
        {
            blocks.Add(new ContextBlock([new MarkdownText(access.WhoCanChange())]) { BlockId = "workflow.rights" });
        }

        var text = workflows.Count == 0 ? "No workflows yet." : $"{workflows.Count.ToString(CultureInfo.InvariantCulture)} workflow(s)";
        return new Message(notice is null ? text : $"{notice} {text}", blocks);
    }

    /// <summary>"*Name* (#12) · On" and the summary line underneath.</summary>
    public static string Describe(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var state = workflow.Enabled ? ":large_green_circle: On" : ":double_vertical_bar: Paused";
        return $"*{UntrustedText.Mrkdwn(workflow.Name)}* (#{workflow.Id.ToString(CultureInfo.InvariantCulture)}) · {state}\n{WorkflowSummary.Line(workflow)}";
    }

    private static List<BlockElement> Buttons(Workflow workflow, WorkflowAccess access)
    {
        var id = IdValue.Write(workflow.Id);
        var test = new Button(new PlainText("Send test")) { ActionId = WorkflowActionIds.Test, Value = id };
        if (!access.CanChange)
        {
            return [test];
        }

        // Delete opens the one delete confirmation (a modal), as it does from the command and the Home tab.
        return
        [
            new Button(new PlainText("Edit")) { ActionId = WorkflowActionIds.Edit, Value = id },
            workflow.Enabled
                ? new Button(new PlainText("Pause")) { ActionId = WorkflowActionIds.Pause, Value = id }
                : new Button(new PlainText("Resume")) { ActionId = WorkflowActionIds.Resume, Value = id },
            test,
            new Button(new PlainText("Delete…")) { ActionId = WorkflowActionIds.Delete, Value = id, Style = ButtonStyle.Danger },
        ];
    }
}
