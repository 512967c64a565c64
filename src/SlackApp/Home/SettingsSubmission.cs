using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Workflows;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// Saves the settings modal (the guard let only admins and managers submit it); the managers field is an admin's
/// alone, so a manager who changed it gets an error on that field. The Salesforce base URL must be on Salesforce's
/// own domains or a host the operator allowed (<see cref="SalesforceBaseUrl"/>); the reason is shown on its field.
/// An unknown time zone and half-set or empty quiet hours are refused on their fields the same way.
/// </summary>
public sealed class SettingsSubmission(
    WorkspaceSettingsRepository settings,
    WorkflowPermissions permissions,
    IWorkflowChangeObserver observer,
    IOptions<SalesforceOptions> salesforceOptions,
    TimeProvider clock) : ISlackHandler<SlackViewSubmissionRequest>
{
    public async Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var access = await permissions.GetAsync(context.Workspace(), context.RequiredUserId(), context.Client, cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var salesforce = SalesforceBaseUrl.Check(SettingsModal.Text(request.State, SettingsModal.SalesforceBlock), salesforceOptions.Value.AllowedHosts);
        if (salesforce.Problem is { } urlProblem)
        {
            errors[SettingsModal.SalesforceBlock] = urlProblem;
        }

        var fallback = request.State.GetConversation(SettingsModal.FallbackChannelBlock, SettingsModal.FallbackChannelBlock + SettingsModal.ActionSuffix);
        // Within the channel check budget, so a slow Slack cannot push the ack past Slack's deadline and lose the errors.
        if (fallback is not null && (await ChannelCheck.ProblemsAsync(context.Client, [fallback], clock, null, cancellationToken)).GetValueOrDefault(fallback) is { } problem)
        {
            errors[SettingsModal.FallbackChannelBlock] = problem;
        }

        var noise = SettingsModal.ReadNoiseControl(request.State);
        foreach (var (block, noiseProblem) in noise.Problems)
        {
            errors[block] = noiseProblem;
        }

        var managersState = request.State.Get(SettingsModal.ManagersBlock, SettingsModal.ManagersBlock + SettingsModal.ActionSuffix);
        if (managersState is not null && !access.IsAdmin)
        {
            errors[SettingsModal.ManagersBlock] = "Only workspace admins and the installer can change the workflow managers.";
        }

        if (errors.Count > 0)
        {
            request.AckWithErrors(errors);
            return;
        }

        var workspace = context.Workspace();
        await settings.SaveAsync(
            workspace,
            new WorkspaceSettings
            {
                SalesforceBaseUrl = salesforce.Url,
                FallbackChannelId = fallback,
                TimeZone = noise.TimeZone,
                QuietHours = noise.QuietHours,
                QuietHoursHoldChannels = noise.HoldChannels,
            },
            context.RequiredUserId(),
            cancellationToken);
        if (managersState is not null)
        {
            await settings.SetManagersAsync(workspace, managersState.SelectedUsers ?? [], context.RequiredUserId(), cancellationToken);
        }

        request.Ack();
        await observer.WorkflowsChangedAsync(context, cancellationToken);
    }
}
