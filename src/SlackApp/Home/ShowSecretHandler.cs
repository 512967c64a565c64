using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>The admin's Show secret button on the Home tab.</summary>
public sealed class ShowSecretHandler(WorkspaceSettingsRepository settings, HomeTabPublisher home) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        var workspace = context.Workspace();
        var secret = await settings.EnsureSignalSecretAsync(workspace, cancellationToken);
        await OpenedModal.OpenAsync(context, SignalSecretModal.Build(secret, home.WebhookUrl(workspace), rotated: false), cancellationToken);
    }
}
