using SlackApp.Installations;
using SlackApp.OwnerMappings;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// "Wrong owner" on a DM sent for an account role: the modal opens from the click at once; its submission is
/// re-checked against the verified workspace and the message it came from, and is for the DM's reader, admins and
/// workflow managers. The chosen person gets the signal as a DM saying who forwarded it and why, the copy says where it
/// went (in place and in its thread), and the role's email, read from the stored signal, is mapped to them. Once: a
/// copy forwarded already changes nothing.
/// </summary>
public sealed class WrongOwners(
    NotificationOutbox outbox,
    SignalCopies copies,
    OwnerMappingRepository mappings,
    WorkflowPermissions permissions,
    NotificationDeliveryTrigger trigger,
    ILogger<WrongOwners> logger)
{
    public const string Forwarded = "forwarded";
    public const string NotForARole = "This notification did not go to someone for their role on the account, so there is no owner to correct.";
    public const string SamePerson = "They already received it. Choose the person who owns this account.";
    public const string NotAPerson = "Choose an active person, not an app or a deactivated account.";

    /// <summary>Opens the modal for item <paramref name="itemId"/> of the message clicked.</summary>
    public static Task OpenAsync(SlackActionRequest request, long? itemId, CancellationToken ct) =>
        ClickedItem.OpenModalAsync(request, itemId, WrongOwnerModal.Build, ct);

    public async Task SubmitAsync(SlackViewSubmissionRequest request, CancellationToken ct)
    {
        if (await ClickedItem.FromSubmissionAsync(request, outbox, WrongOwnerModal.UserBlock, "Wrong owner", logger, ct) is not { } submitted)
        {
            return;
        }

        var (context, workspace, userId, item) = (request.Context, submitted.Workspace, submitted.UserId, submitted.Item);
        // Only a DM (never a reminder or a test) to someone for the role they hold; its email comes from the stored signal.
        var reader = item.RecipientKind == RecipientKind.User && !item.IsTest ? item.RecipientId : null;
        var role = AccountPeople.FromJson(item.PeopleJson).RoleOf(reader);
        var email = role is { } held ? item.ReadSignal()?.Account.EmailOf(held)?.Trim() : null;
        if (reader is null || role is null || string.IsNullOrEmpty(email))
        {
            Refuse(request, NotForARole);
            return;
        }

        if (reader != userId && await permissions.GetAsync(workspace, userId, context.Client, ct) is { CanChange: false } access)
        {
            Refuse(request, WhoCan(reader, access));
            return;
        }

        var answer = WrongOwnerModal.Read(request.State);
        if (answer.UserId is not { Length: > 0 } chosen)
        {
            Refuse(request, "Choose who owns this account.");
            return;
        }

        if (item.ForwardedTo is { } before)
        {
            // The same forward again (a double submit, Slack's retry) changes nothing; another is told where it went.
            if (before == chosen)
            {
                request.Ack();
            }
            else
            {
                Refuse(request, $"It was forwarded to <@{before}> already.");
            }

            return;
        }

        if (chosen == reader)
        {
            Refuse(request, SamePerson);
            return;
        }

        if (!await IsActivePersonAsync(context.Client, chosen, ct))
        {
            Refuse(request, NotAPerson);
            return;
        }

        // Forwarded before the ack (one transaction), so the answer can say whether a DM went out without asking first.
        var outcome = await outbox.ForwardAsync(workspace, item, chosen, role.Value, userId, answer.Reason, ct);
        if (outcome.Marked && !outcome.NewDm)
        {
            request.AckWithUpdate(UserNotice.Modal($"<@{chosen}> already has this notification, so no second DM was sent. The message says where it went, and later signals for this account's role go to them.", WrongOwnerModal.Title));
        }
        else
        {
            request.Ack();
        }

        if (!outcome.Marked)
        {
            return;
        }

        if (outcome.NewDm)
        {
            trigger.Wake();
        }

        await mappings.SaveAsync(workspace, email, chosen, userId, ct);
        await copies.ShowOnCopyAsync(context.Client, workspace, item, new SignalEvent(userId, Forwarded, $" to <@{chosen}>{WrongOwnerView.Why(answer.Reason)}"), ct);
    }

    /// <summary>"Only the reader, admins ... and managers ... can": the refusal names who can.</summary>
    public static string WhoCan(string reader, WorkflowAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var installer = access.InstallerUserId is null ? "the person who installed the app" : $"the person who installed the app (<@{access.InstallerUserId}>)";
        var managers = access.Managers.Count == 0 ? "workflow managers" : "workflow managers (" + string.Join(", ", access.Managers.Select(m => $"<@{m}>")) + ")";
        return $"Only <@{reader}>, who received it, workspace admins and owners, {installer}, and {managers} can forward it.";
    }

    private static void Refuse(SlackViewSubmissionRequest request, string text) =>
        request.AckWithErrors(new Dictionary<string, string> { [WrongOwnerModal.UserBlock] = text });

    // A brief users.info: a bot, an app or a deactivated account would never read the DM.
    private async Task<bool> IsActivePersonAsync(ISlackApiClient client, string userId, CancellationToken ct)
    {
        try
        {
            var user = (await client.UsersInfoAsync(userId, ct)).User;
            return !user.Deleted && !user.IsBot && !user.IsAppUser && userId != "USLACKBOT";
        }
        catch (SlackApiException e)
        {
            logger.LogInformation("Wrong owner: users.info refused {UserId}: {Error}", userId, e.Error);
            return false;
        }
    }
}
