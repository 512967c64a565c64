using SlackApp.Installations;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.AdminApi;

/// <summary>
/// Checks a workflow sent to the API exactly as the modal checks one (<see cref="WorkflowSubmission.ValidateAsync"/>:
/// the name, its uniqueness, signal types, recipients, and each channel against Slack), after reading it
/// (<see cref="WorkflowInputReader"/>); the modal's problems come back under the API's field names.
/// </summary>
internal sealed class WorkflowValidation(WorkflowSubmission modal)
{
    public async Task<Workflow> ValidateAsync(
        Workspace workspace, WorkflowInput input, Workflow? existing, ISlackApiClient client, SlackNames names, string prefix, FieldErrors errors, CancellationToken cancellationToken)
    {
        var draft = await WorkflowInputReader.ReadAsync(input, workspace.TeamId, names, prefix, errors, cancellationToken);
        foreach (var (block, problem) in await modal.ValidateAsync(workspace, draft, existing, client, null, cancellationToken))
        {
            var field = prefix + Field(block);
            // A field the reader already refused (a name missing, a channel it could not find) keeps its own problem.
            if (!errors.HasUnder(field))
            {
                errors.Add(field, problem);
            }
        }

        return draft;
    }

    private static string Field(string block) => block switch
    {
        WorkflowModal.NameBlock => "name",
        WorkflowModal.SignalTypesBlock => "signalTypes",
        WorkflowModal.ChannelsBlock => "recipients",
        WorkflowModal.FallbackChannelBlock => "fallbackChannel",
        _ => block,
    };
}
