using SlackApp.Slack.Routing;
using SlackApp.Workflows;

namespace SlackApp.Explanations;

/// <summary>
/// Where explanations meet Slack: <c>/usergems why SIGNAL_ID</c>, behind <see cref="CanExplainSignals"/>. Register
/// before the workflow listeners, whose command listener takes every <c>/usergems</c> text left over.
/// </summary>
public static class ExplanationListeners
{
    public static SlackAppBuilder AddExplanationListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var command = ListenerId.ExactIgnoringCase(WorkflowCommandLine.Command);
        return slack.Require<CanExplainSignals>(explainers => explainers
            .Command<WhyCommandHandler>(new CommandConstraints(command) { Text = WhyCommandLine.Text }));
    }
}
