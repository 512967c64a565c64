using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// Where the App Home tab meets Slack: opening it, paging, the workflow menus, Settings, a member's own quiet hours,
/// the admin's signal secret and admin API keys. Each right is a guard declared here, so the handlers hold no rights checks.
/// </summary>
public static class HomeListeners
{
    public static SlackAppBuilder AddHomeListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Event<HomeOpenedHandler>("app_home_opened", e => e is AppHomeOpenedEvent { Tab: "home" })
            .Action<HomePagingHandler>(HomeActionIds.ShowMore)
            .Action<HomePagingHandler>(HomeActionIds.ShowFirst)
            // Every member sets their own quiet hours: no guard.
            .Action<MyQuietHoursHandler>(HomeActionIds.MyQuietHours)
            .View<PersonalQuietHoursSubmission>(PersonalQuietHoursModal.CallbackId)
            .Require<CanChangeWorkflows>(changes => changes
                .Action<HomeWorkflowMenuHandler>(new ActionConstraints(HomeActionIds.WorkflowMenu) { Value = HomeMenuChoice.Naming(WorkflowVerbNames.Changing) }))
            .Action<HomeWorkflowMenuHandler>(HomeActionIds.WorkflowMenu)
            .Require<CanChangeSettings>(settings => settings
                .Action<SettingsButtonHandler>(HomeActionIds.Settings)
                .View<SettingsSubmission>(SettingsModal.CallbackId))
            .Require<CanSeeSignalSecret>(admins => admins.Action<ShowSecretHandler>(HomeActionIds.ShowSecret))
            .Require<CanRotateSignalSecret>(admins => admins.Action<RotateSecretHandler>(HomeActionIds.RotateSecret))
            .Require<CanManageApiKeys>(admins => admins
                .Action<ApiKeysButtonHandler>(HomeActionIds.ApiKeys)
                .Action<ApiKeyRevokeHandler>(HomeActionIds.RevokeApiKey)
                .View<ApiKeyCreation>(ApiKeysModal.CallbackId));
    }
}
