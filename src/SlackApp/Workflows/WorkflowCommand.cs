using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The <c>/usergems</c> slash command: <c>workflow list|create|edit|pause|resume|delete|test|help</c>, answered
/// ephemerally. Lists are answered in the ack; anything that calls Slack acks first and answers through the
/// <c>response_url</c> (or opens the modal with the trigger_id right away).
/// </summary>
public static class WorkflowCommand
{
    public const string Name = "/usergems";

    public const string Usage =
        """
        *UserGems Signals* — who hears about which signals, configured right here.
        • `/usergems workflow list` — your workspace's workflows (also just `/usergems`)
        • `/usergems workflow create` — a new workflow (also `new`)
        • `/usergems workflow edit NAME` or `edit #ID` — change one
        • `/usergems workflow pause NAME`, `resume NAME`, `delete NAME` — stop, restart or remove one
        • `/usergems workflow test NAME` — send yourself a test notification
        • `/usergems workflow help` — this help
        """;

    public static SlackAppBuilder AddWorkflowCommand(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack.Command(Name, HandleAsync);
    }

    private static async Task HandleAsync(SlackCommandRequest request, CancellationToken cancellationToken)
    {
        var line = WorkflowCommandLine.Parse(request.Payload.Text);
        switch (line.Subcommand)
        {
            case null:
                var hint = line.Suggestion is { } suggestion ? $"Did you mean `{suggestion}`? " : string.Empty;
                request.Ack($"{hint}I don't know `{UntrustedText.Mrkdwn(line.Unknown ?? string.Empty)}`.\n{Usage}");
                return;
            case WorkflowCommandLine.Help:
                request.Ack(Usage);
                return;
        }

        var context = request.Context;
        var services = context.Services;
        var workflows = services.GetRequiredService<WorkflowRepository>();
        var changes = services.GetRequiredService<WorkflowChanges>();
        var workspace = context.Workspace();

        if (line.Subcommand == WorkflowCommandLine.List)
        {
            request.Ack(WorkflowListMessage.Build(await workflows.ListAsync(workspace, cancellationToken)));
            return;
        }

        if (line.Subcommand == WorkflowCommandLine.Create)
        {
            // The trigger_id lives 3 seconds: ack, then open the modal straight away.
            request.Ack();
            await changes.OpenEditorAsync(context, workflow: null, cancellationToken);
            return;
        }

        var reference = WorkflowReference.Parse(line.Argument);
        if (reference is null)
        {
            request.Ack($"Which workflow? Try `/usergems workflow {line.Subcommand} NAME` or `{line.Subcommand} #ID`.");
            return;
        }

        var workflow = await reference.FindAsync(workflows, workspace, cancellationToken);
        if (workflow is null)
        {
            request.Ack(await NoSuchWorkflowAsync(workflows, workspace, reference, cancellationToken));
            return;
        }

        request.Ack();
        switch (line.Subcommand)
        {
            case WorkflowCommandLine.Edit:
                await changes.OpenEditorAsync(context, workflow, cancellationToken);
                break;
            case WorkflowCommandLine.Pause or WorkflowCommandLine.Resume:
                var outcome = await changes.SetEnabledAsync(context, workflow.Id, line.Subcommand == WorkflowCommandLine.Resume, cancellationToken);
                await context.RespondAsync(outcome.Text, cancellationToken);
                break;
            case WorkflowCommandLine.Delete:
                var access = await changes.AccessAsync(context, cancellationToken);
                await context.RespondAsync(
                    access.CanChange
                        ? ResponseUrlMessage.Ephemeral(WorkflowListMessage.DeletePrompt(workflow))
                        : ResponseUrlMessage.Ephemeral(new Message(access.Explanation(WorkflowChanges.ChangeWorkflows))),
                    cancellationToken);
                break;
            case WorkflowCommandLine.Test:
                await changes.SendTestAsync(context, workflow.Id, cancellationToken);
                break;
        }
    }

    private static async Task<string> NoSuchWorkflowAsync(WorkflowRepository workflows, SlackApp.Installations.Workspace workspace, WorkflowReference reference, CancellationToken cancellationToken)
    {
        var all = await workflows.ListAsync(workspace, cancellationToken);
        var asked = UntrustedText.Mrkdwn(reference.ToString());
        if (all.Count == 0)
        {
            return $"No workflow matches `{asked}`: this workspace has no workflows yet. Create one with `/usergems workflow create`.";
        }

        var names = string.Join(", ", all.Take(30).Select(w => $"`{UntrustedText.Mrkdwn(w.Name)}` (#{w.Id})"));
        var more = all.Count > 30 ? $" and {all.Count - 30} more" : string.Empty;
        return $"No workflow matches `{asked}`. The workflows here are: {names}{more}.";
    }
}
