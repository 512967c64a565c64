using SlackApp.ApiKeys;
using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>The admin's API keys button on the Home tab: opens the modal at once, then lists the keys in it.</summary>
public sealed class ApiKeysButtonHandler(ApiKeyRepository keys, HomeTabPublisher home) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        if (await OpenedModal.OpenAsync(context, OpenedModal.Loading(ApiKeysModal.Title), cancellationToken) is not { } modal)
        {
            return;
        }

        var workspace = context.Workspace();
        await modal.ShowAsync(ApiKeysModal.Build(await keys.ListAsync(workspace, cancellationToken), home.ApiBaseUrl(workspace)), cancellationToken);
    }
}
