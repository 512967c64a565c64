using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// The admin's Rotate secret button (its confirmation dialog accepted). The modal opens first, so the new secret
/// is only made once there is somewhere to show it.
/// </summary>
public sealed class RotateSecretHandler(WorkspaceSettingsRepository settings, HomeTabPublisher home) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        if (await OpenedModal.OpenAsync(context, OpenedModal.Loading(SignalSecretModal.Title), cancellationToken) is not { } modal)
        {
            return;
        }

        var workspace = context.Workspace();
        var secret = await settings.SetSignalSecretAsync(workspace, null, context.RequiredUserId(), cancellationToken);
        context.Logger.LogInformation("Signal secret of {TeamId} rotated by {UserId}", context.TeamId, context.UserId);
        if (!await modal.ShowAsync(SignalSecretModal.Build(secret, home.WebhookUrl(workspace), rotated: true), cancellationToken))
        {
            await UserNotice.SendWithoutModalAsync(context, "The signal secret was rotated, but the window showing it was closed: use *Show secret* on the Home tab to see the new one.", cancellationToken);
        }
    }
}
