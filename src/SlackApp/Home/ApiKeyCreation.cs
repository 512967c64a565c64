using SlackApp.ApiKeys;
using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// Submitting the API keys modal with a name: makes the key and answers with the view that shows it once (an
/// update in the ack, so the plaintext never goes through a later call that could fail after the key exists).
/// </summary>
public sealed class ApiKeyCreation(ApiKeyRepository keys, HomeTabPublisher home) : ISlackHandler<SlackViewSubmissionRequest>
{
    public async Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = ApiKeysModal.ReadName(request.State);
        if (ApiKey.NameProblem(name) is { } problem)
        {
            request.AckWithErrors(new Dictionary<string, string> { [ApiKeysModal.NameBlock] = problem });
            return;
        }

        var context = request.Context;
        var workspace = context.Workspace();
        var created = await keys.CreateAsync(workspace, name!, context.RequiredUserId(), cancellationToken);
        context.Logger.LogInformation("API key {KeyId} ({Prefix}) of {TeamId} created by {UserId}", created.Key.Id, created.Key.Prefix, context.TeamId, context.UserId);
        request.AckWithUpdate(ApiKeysModal.Created(created, home.ApiBaseUrl(workspace)));
    }
}
