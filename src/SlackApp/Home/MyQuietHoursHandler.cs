using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// The Home tab's "My quiet hours" button, open to every member: opens a modal straight away (the trigger_id
/// expires 3 s after the click, and the read may be on a remote database), then fills it with what they set.
/// </summary>
public sealed class MyQuietHoursHandler(PersonSettingsRepository people) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        var opened = await OpenedModal.OpenAsync(context, OpenedModal.Loading(PersonalQuietHoursModal.Title), cancellationToken);
        if (opened is null)
        {
            return;
        }

        var hours = await people.GetQuietHoursAsync(context.Workspace(), context.RequiredUserId(), cancellationToken);
        await opened.ShowAsync(PersonalQuietHoursModal.Build(hours), cancellationToken);
    }
}
