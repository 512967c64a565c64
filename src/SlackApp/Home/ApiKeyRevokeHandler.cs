using SlackApp.ApiKeys;
using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// Revoke on one key of the API keys modal (its confirmation accepted): the key id in the button is only a claim,
/// revoked within the request's own workspace; then the modal is redrawn from what is stored.
/// </summary>
public sealed class ApiKeyRevokeHandler(ApiKeyRepository keys, HomeTabPublisher home) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        var workspace = context.Workspace();
        var keyId = IdValue.Read(request.Action);
        if (keyId is { } id && await keys.RevokeAsync(workspace, id, context.RequiredUserId(), cancellationToken))
        {
            context.Logger.LogInformation("API key {KeyId} of {TeamId} revoked by {UserId}", id, context.TeamId, context.UserId);
        }

        // Revoked now, before, or never this workspace's: the list drawn from the database says which, idempotently.
        if (request.Payload.View is not { Id: { Length: > 0 } viewId } view)
        {
            return;
        }

        try
        {
            await context.Client.ViewsUpdateAsync(viewId, ApiKeysModal.Build(await keys.ListAsync(workspace, cancellationToken), home.ApiBaseUrl(workspace)), view.Hash, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "hash_conflict" or "not_found")
        {
            // The modal changed or closed meanwhile; the revocation stands and the next opening shows it.
            context.Logger.LogInformation("API keys modal {ViewId} not redrawn: Slack answered {Error}", viewId, e.Error);
        }
    }
}
