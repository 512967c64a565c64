using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>The <c>/usergems</c> slash command.</summary>
public static class WorkflowCommand
{
    public const string Name = "/usergems";

    public const string Usage =
        """
        *UserGems Signals* — who hears about which signals, configured right here.
        • `/usergems workflow list` — your workspace's workflows
        • `/usergems workflow create` — a new workflow
        • `/usergems workflow edit NAME` — change one (also `pause`, `resume`, `delete`, `test`)
        • `/usergems workflow help` — this help
        """;

    public static SlackAppBuilder AddWorkflowCommand(this SlackAppBuilder slack) =>
        slack.Command(Name, (request, _) =>
        {
            request.Ack(Usage);
            return Task.CompletedTask;
        });
}
