using SlackApp.Installations;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.OwnerMappings;

/// <summary>The Home tab's "Map an email" menu: opens the mapping modal for the unmatched email chosen.</summary>
public sealed class HomeMapMenuHandler(OwnerMappingRepository mappings) : ISlackHandler<SlackActionRequest>
{
    public const string GoneText = "This email is no longer unmatched: it may have been mapped already.";

    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        // Opened before the read: the trigger_id expires 3 s after the click.
        if (await OpenedModal.OpenAsync(request.Context, OpenedModal.Loading(OwnerMappingModal.Title), cancellationToken) is not { } opened)
        {
            return;
        }

        var id = IdValue.Read((request.Action as SelectAction)?.SelectedOption?.Value);
        var row = id is { } unmatchedId ? await mappings.GetUnmatchedAsync(request.Context.Workspace(), unmatchedId, cancellationToken) : null;
        if (row is null)
        {
            await opened.ShowNoticeAsync(GoneText, cancellationToken);
            return;
        }

        await opened.ShowAsync(OwnerMappingModal.Build(row.Email, new MappingOrigin(MappingOriginKind.Unmatched, row.Id)), cancellationToken);
    }
}

/// <summary>The Home tab's "Remove a mapping" menu (confirmed first): removes the mapping chosen and redraws the tab.</summary>
public sealed class HomeRemoveMenuHandler(OwnerMappingRepository mappings, IWorkflowChangeObserver observer) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        var id = IdValue.Read((request.Action as SelectAction)?.SelectedOption?.Value);
        // Another workspace's id, or one removed by a double click, removes nothing.
        if (id is { } mappingId && await mappings.RemoveAsync(context.Workspace(), mappingId, context.RequiredUserId(), cancellationToken) is { } removed)
        {
            context.Logger.LogInformation("{UserId} removed the owner mapping {MappingId} in {TeamId}", context.UserId, removed.Id, context.TeamId);
        }

        await observer.WorkflowsChangedAsync(context, cancellationToken);
    }
}
