using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Workflows;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// The App Home tab: published on <c>app_home_opened</c>, and its buttons — Settings, paging, the workflow
/// overflow menus, and the admin's show/rotate secret. Every action re-checks the person's rights.
/// </summary>
public static class HomeTabEvents
{
    private const string SecretTitle = "Signal secret";

    public static SlackAppBuilder AddHome(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        slack.Event("app_home_opened", async (request, ct) =>
        {
            if (request.Event is AppHomeOpenedEvent { Tab: "home", User.Length: > 0 } opened)
            {
                var publisher = request.Context.Services.GetRequiredService<HomeTabPublisher>();
                await publisher.PublishAsync(request.Context.Workspace(), opened.User, request.Context.Client, 0, ct);
            }
        });

        slack.Action(HomeActionIds.ShowMore, (request, ct) => ShowPageAsync(request, ct));
        slack.Action(HomeActionIds.ShowFirst, (request, ct) => ShowPageAsync(request, ct));

        slack.Action(HomeActionIds.Settings, async (request, ct) =>
        {
            request.Ack();
            var context = request.Context;
            if (await OpenedModal.OpenAsync(context, OpenedModal.Loading("Settings"), ct) is not { } modal)
            {
                return;
            }

            var access = await Changes(context).AccessAsync(context, ct);
            if (!access.CanChange)
            {
                await modal.ShowNoticeAsync(access.Explanation("change the settings"), ct);
                return;
            }

            var settings = context.Services.GetRequiredService<WorkspaceSettingsRepository>();
            var workspace = context.Workspace();
            await modal.ShowAsync(SettingsModal.Build(await settings.GetAsync(workspace, ct), await settings.ListManagersAsync(workspace, ct), access.IsAdmin), ct);
        });

        slack.View(SettingsModal.CallbackId, (request, ct) => request.Context.Services.GetRequiredService<SettingsSubmission>().HandleAsync(request, ct));

        slack.Action(HomeActionIds.WorkflowMenu, async (request, ct) =>
        {
            request.Ack();
            if (HomeMenuChoice.Parse((request.Action as OverflowAction)?.SelectedOption?.Value) is { } choice)
            {
                await ChooseAsync(request.Context, choice, ct);
            }
        });

        slack.Action(HomeActionIds.ShowSecret, async (request, ct) =>
        {
            request.Ack();
            var context = request.Context;
            if (await OpenedModal.OpenAsync(context, OpenedModal.Loading(SecretTitle), ct) is not { } modal
                || await RefuseUnlessAdminAsync(context, modal, "see the signal secret", ct))
            {
                return;
            }

            var settings = context.Services.GetRequiredService<WorkspaceSettingsRepository>();
            var secret = await settings.EnsureSignalSecretAsync(context.Workspace(), ct);
            await modal.ShowAsync(SecretModal(context, secret, rotated: false), ct);
        });

        slack.Action(HomeActionIds.RotateSecret, async (request, ct) =>
        {
            // The button's confirmation dialog has been accepted. The modal opens first, so the new secret is only
            // made once there is somewhere to show it, and only for an admin.
            request.Ack();
            var context = request.Context;
            if (await OpenedModal.OpenAsync(context, OpenedModal.Loading(SecretTitle), ct) is not { } modal
                || await RefuseUnlessAdminAsync(context, modal, "rotate the signal secret", ct))
            {
                return;
            }

            var settings = context.Services.GetRequiredService<WorkspaceSettingsRepository>();
            var secret = await settings.SetSignalSecretAsync(context.Workspace(), null, context.RequiredUserId(), ct);
            context.Logger.LogInformation("Signal secret of {TeamId} rotated by {UserId}", context.TeamId, context.UserId);
            if (!await modal.ShowAsync(SecretModal(context, secret, rotated: true), ct))
            {
                await UserNotice.SendWithoutModalAsync(context, "The signal secret was rotated, but the window showing it was closed: use *Show secret* on the Home tab to see the new one.", ct);
            }
        });

        return slack;
    }

    private static async Task ChooseAsync(SlackContext context, HomeMenuChoice choice, CancellationToken cancellationToken)
    {
        var changes = Changes(context);
        switch (choice.Verb)
        {
            case HomeMenuChoice.Edit:
                await changes.OpenEditorAsync(context, choice.WorkflowId, cancellationToken);
                return;
            case HomeMenuChoice.Test:
                await changes.SendTestAsync(context, choice.WorkflowId, cancellationToken);
                return;
            case HomeMenuChoice.Delete:
                await ConfirmDeleteAsync(context, changes, choice.WorkflowId, cancellationToken);
                return;
            default:
                var outcome = await changes.SetEnabledAsync(context, choice.WorkflowId, choice.Verb == HomeMenuChoice.Resume, cancellationToken);
                if (!outcome.Done)
                {
                    await UserNotice.SendAsync(context, outcome.Text, cancellationToken);
                }

                return;
        }
    }

    // An overflow menu's confirm dialog would guard every option; a modal confirms the delete alone.
    private static async Task ConfirmDeleteAsync(SlackContext context, WorkflowChanges changes, long id, CancellationToken cancellationToken)
    {
        if (await OpenedModal.OpenAsync(context, OpenedModal.Loading("Delete workflow?"), cancellationToken) is not { } modal)
        {
            return;
        }

        var access = await changes.AccessAsync(context, cancellationToken);
        if (!access.CanChange)
        {
            await modal.ShowNoticeAsync(access.Explanation(WorkflowChanges.ChangeWorkflows), cancellationToken);
            return;
        }

        var workflow = await context.Services.GetRequiredService<WorkflowRepository>().GetAsync(context.Workspace(), id, cancellationToken);
        await modal.ShowAsync(workflow is null ? UserNotice.Modal(WorkflowChanges.NotFound) : WorkflowInteractions.DeleteConfirmationModal(workflow), cancellationToken);
    }

    private static async Task ShowPageAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        request.Ack();
        // The offset comes back from Slack: only a plain non-negative number is taken, and the page is read in the request's workspace.
        var offset = request.Action is ButtonAction { Value: { } value } && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var context = request.Context;
        await context.Services.GetRequiredService<HomeTabPublisher>().PublishAsync(context.Workspace(), context.RequiredUserId(), context.Client, offset, cancellationToken);
    }

    // True after showing the refusal in the opened modal when the person is not an admin.
    private static async Task<bool> RefuseUnlessAdminAsync(SlackContext context, OpenedModal modal, string what, CancellationToken cancellationToken)
    {
        var access = await Changes(context).AccessAsync(context, cancellationToken);
        if (access.IsAdmin)
        {
            return false;
        }

        await modal.ShowNoticeAsync(access.Explanation(what, adminsOnly: true), cancellationToken);
        return true;
    }

    private static ModalView SecretModal(SlackContext context, string secret, bool rotated)
    {
        var url = context.Services.GetRequiredService<HomeTabPublisher>().WebhookUrl(context.Workspace());
        var intro = rotated ? "*The signal secret was rotated.* Give signal sources the new one:" : "The workspace's signal secret:";
        return new ModalView(new PlainText(SecretTitle))
        {
            Close = new PlainText("Done"),
            Blocks =
            [
                new SectionBlock { Text = new MarkdownText($"{intro}\n```{secret}```") },
                new ContextBlock([new MarkdownText($"Signal sources sign their requests to `{url}` with it (HMAC-SHA256). Keep it secret.")]),
            ],
        };
    }

    private static WorkflowChanges Changes(SlackContext context) => context.Services.GetRequiredService<WorkflowChanges>();
}
