using SlackApp.Slack.Routing;

namespace SlackApp.SlackUx;

/// <summary>
/// Answers a request a guard refused, in the way its kind allows: in the ack of a command, as the content of a
/// submitted modal, or (after an empty ack) as a notice only the person sees. Events are simply not handled.
/// </summary>
public static class Refusal
{
    public static async Task SendAsync(SlackRequest request, string mrkdwn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request)
        {
            case SlackCommandRequest command:
                command.Ack(mrkdwn);
                return;
            case SlackViewSubmissionRequest submission:
                submission.AckWithUpdate(UserNotice.Modal(mrkdwn));
                return;
            case SlackActionRequest action:
                action.Ack();
                await UserNotice.SendAsync(action.Context, mrkdwn, cancellationToken);
                return;
            case SlackShortcutRequest shortcut:
                shortcut.Ack();
                await UserNotice.SendAsync(shortcut.Context, mrkdwn, cancellationToken);
                return;
            case SlackOptionsRequest options:
                options.Ack();
                return;
            case SlackViewClosedRequest closed:
                closed.Ack();
                return;
            default:
                request.Context.Logger.LogInformation("Refused a Slack {Request} of {UserId} in {TeamId}", request.GetType().Name, request.Context.UserId, request.Context.TeamId);
                return;
        }
    }
}
