using System.Globalization;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>The ephemeral answer to <c>/usergems workflow list</c>: each workflow, its summary and its buttons.</summary>
public static class WorkflowListMessage
{
    /// <summary>Two blocks each, within a message's 50 blocks with room for the heading and the footer.</summary>
    public const int MaxWorkflows = 20;

    public static Message Build(IReadOnlyList<Workflow> workflows, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var blocks = new List<Block>();
        if (notice is not null)
        {
            blocks.Add(new ContextBlock([new MarkdownText(notice)]));
        }

        if (workflows.Count == 0)
        {
            blocks.Add(new SectionBlock
            {
                Text = new MarkdownText("*No workflows yet.* A workflow says who hears about which signals: create one to get started."),
            });
        }
        else
        {
            blocks.Add(new SectionBlock { Text = new MarkdownText($"*Workflows* ({workflows.Count.ToString(CultureInfo.InvariantCulture)})") });
            foreach (var workflow in workflows.Take(MaxWorkflows))
            {
                blocks.Add(new SectionBlock { Text = UntrustedText.Markdown(Describe(workflow)) });
                blocks.Add(new ActionsBlock(Buttons(workflow)) { BlockId = $"workflow.{workflow.Id.ToString(CultureInfo.InvariantCulture)}" });
            }

            if (workflows.Count > MaxWorkflows)
            {
                blocks.Add(new ContextBlock([new MarkdownText($"…and {(workflows.Count - MaxWorkflows).ToString(CultureInfo.InvariantCulture)} more: see them all on the app's Home tab.")]));
            }
        }

        blocks.Add(new ActionsBlock([new Button(new PlainText("New workflow")) { ActionId = WorkflowActionIds.New, Style = ButtonStyle.Primary, Value = "new" }]) { BlockId = "workflow.list" });
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

    private static List<BlockElement> Buttons(Workflow workflow)
    {
        // Delete opens the one delete confirmation (a modal), as it does from the command and the Home tab.
        var id = IdValue.Write(workflow.Id);
        return
        [
            new Button(new PlainText("Edit")) { ActionId = WorkflowActionIds.Edit, Value = id },
            workflow.Enabled
                ? new Button(new PlainText("Pause")) { ActionId = WorkflowActionIds.Pause, Value = id }
                : new Button(new PlainText("Resume")) { ActionId = WorkflowActionIds.Resume, Value = id },
            new Button(new PlainText("Send test")) { ActionId = WorkflowActionIds.Test, Value = id },
            new Button(new PlainText("Delete…")) { ActionId = WorkflowActionIds.Delete, Value = id, Style = ButtonStyle.Danger },
        ];
    }
}
