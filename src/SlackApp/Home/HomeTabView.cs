using System.Globalization;
using SlackApp.Analytics;
using SlackApp.Notifications;
using SlackApp.OwnerMappings;
using SlackApp.Slack.Blocks;
using SlackApp.Workflows;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// Draws the App Home tab: header, workspace status, buttons, the admin's signal webhook, one section per workflow
/// with its last 7 days beneath (a page at a time) and the notifications feature's section — always within Slack's
/// 100 blocks per view.
/// </summary>
public static class HomeTabView
{
    /// <summary>
    /// Workflows per page: two blocks each (the workflow, its last 7 days and analytics). 30 keeps the worst case (an
    /// admin's page with analytics, paging, a full notifications section, owner mappings and the recent changes) under Slack's 100 blocks,
    /// as AuditHomeTests checks.
    /// </summary>
    public const int PageSize = 30;

    /// <summary>The most blocks the "Recent notifications" section may add.</summary>
    public const int NotificationBlockBudget = 20;

    public static HomeView Build(HomeTabModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText("UserGems Signals")),
            new SectionBlock { BlockId = "home.status", Text = new MarkdownText(Status(model)) },
        };

        // Drawn per person: only the actions their rights allow; the guards on those actions stay the real check.
        // Everyone has quiet hours of their own, so that button is everyone's.
        var quietHours = new Button(new PlainText("My quiet hours")) { ActionId = HomeActionIds.MyQuietHours, Value = "quiet_hours" };
        if (model.Access.CanChange)
        {
            blocks.Add(new ActionsBlock(
            [
                new Button(new PlainText("New workflow")) { ActionId = WorkflowActionIds.New, Value = "new", Style = ButtonStyle.Primary },
                new Button(new PlainText("Settings")) { ActionId = HomeActionIds.Settings, Value = "settings" },
                quietHours,
            ])
            {
                BlockId = "home.buttons",
            });
        }
        else
        {
            blocks.Add(new ActionsBlock([quietHours]) { BlockId = "home.buttons" });
            blocks.Add(new ContextBlock([new MarkdownText(model.Access.WhoCanChange())]) { BlockId = "home.rights" });
        }

        if (model.Access.IsAdmin)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(new SectionBlock
            {
                BlockId = "home.webhook",
                Text = new MarkdownText($"*Signal webhook and admin API* (admins only)\nSignal sources post to `{model.WebhookUrl}`, signed with the workspace's secret. Scripts manage workflows through the admin API with an API key."),
            });
            blocks.Add(new ActionsBlock(
            [
                new Button(new PlainText("Show secret")) { ActionId = HomeActionIds.ShowSecret, Value = "show" },
                new Button(new PlainText("Rotate secret"))
                {
                    ActionId = HomeActionIds.RotateSecret,
                    Value = "rotate",
                    Style = ButtonStyle.Danger,
                    Confirm = new ConfirmationDialog(
                        new PlainText("Rotate the signal secret?"),
                        new PlainText("Signal sources using the current secret are refused until they are given the new one."),
                        new PlainText("Rotate"),
                        new PlainText("Cancel"))
                    {
                        Style = ButtonStyle.Danger,
                    },
                },
                new Button(new PlainText("API keys")) { ActionId = HomeActionIds.ApiKeys, Value = "api_keys" },
            ])
            {
                BlockId = "home.secret",
            });
        }

        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(new PlainText("Workflows")));
        if (model.Analytics is { } analytics)
        {
            blocks.Add(AnalyticsComposer.WorkspaceBlock(analytics));
        }

        if (model.Workflows.Count == 0)
        {
            blocks.Add(new SectionBlock
            {
                Text = new MarkdownText(model.Access.CanChange
                    ? "No workflows yet. A workflow says who hears about which signals: press *New workflow* to create one."
                    : "No workflows yet. A workflow says who hears about which signals."),
            });
        }

        foreach (var workflow in model.Workflows.Take(PageSize))
        {
            var id = workflow.Id.ToString(CultureInfo.InvariantCulture);
            blocks.Add(new SectionBlock
            {
                BlockId = $"home.workflow.{id}",
                Text = UntrustedText.Markdown(WorkflowListMessage.Describe(workflow)),
                Accessory = model.Access.CanChange ? Menu(workflow) : TestButton(workflow),
            });
            // The workflow's analytics ride in its activity block as a second element: no block more per workflow.
            var figures = model.Analytics is { } a ? AnalyticsComposer.WorkflowText(a.For(workflow.Id)) : null;
            IContextElement[] activity = figures is null
                ? [new MarkdownText(ActivityLine(model.Activity.GetValueOrDefault(workflow.Id)))]
                : [new MarkdownText(ActivityLine(model.Activity.GetValueOrDefault(workflow.Id))), new MarkdownText(figures)];
            blocks.Add(new ContextBlock(activity) { BlockId = $"home.activity.{id}" });
        }

        if (model.Offset > 0 || model.HasMore)
        {
            var first = model.Offset + 1;
            var last = model.Offset + Math.Min(model.Workflows.Count, PageSize);
            blocks.Add(new ContextBlock([new MarkdownText($"Workflows {first.ToString(CultureInfo.InvariantCulture)}–{last.ToString(CultureInfo.InvariantCulture)}")]));
            var paging = new List<BlockElement>();
            if (model.Offset > 0)
            {
                paging.Add(new Button(new PlainText("Back to the first")) { ActionId = HomeActionIds.ShowFirst, Value = "0" });
            }

            if (model.HasMore)
            {
                paging.Add(new Button(new PlainText("Show more")) { ActionId = HomeActionIds.ShowMore, Value = (model.Offset + PageSize).ToString(CultureInfo.InvariantCulture) });
            }

            blocks.Add(new ActionsBlock(paging) { BlockId = "home.paging" });
        }

        blocks.AddRange(model.OwnerMappingBlocks.Take(OwnerMappingsHomeSection.BlockBudget));

        // Recent notifications: drawn by the notifications feature through IHomeNotificationsSection.
        blocks.AddRange(model.NotificationBlocks.Take(NotificationBlockBudget));
        blocks.AddRange(model.AuditBlocks.Take(SlackApp.Audit.AuditComposer.HomeBlockCount));

        return new HomeView { Blocks = blocks, CallbackId = "home" };
    }

    /// <summary>
    /// A workflow's last 7 days in one line, e.g. "Last 7 days: 12 sent (8 in digests) · 3 suppressed (duplicate) · 2 held
    /// (quiet hours) until Today 09:00 · 1 failed"; times in the reader's own zone.
    /// </summary>
    public static string ActivityLine(WorkflowActivity? activity)
    {
        if (activity is null || activity.IsEmpty)
        {
            return "No notifications in the last 7 days";
        }

        var parts = new List<string>();
        if (activity.Sent > 0)
        {
            parts.Add(activity.SentInDigests > 0 ? $"{Number(activity.Sent)} sent ({Number(activity.SentInDigests)} in digests)" : $"{Number(activity.Sent)} sent");
        }

        if (activity.Suppressed > 0)
        {
            parts.Add($"{Number(activity.Suppressed)} suppressed ({Reasons(activity.SuppressedByReason)})");
        }

        if (activity.Held > 0)
        {
            var until = activity.NextRelease is { } at ? " until " + SlackDate.DateAndTime(at) : string.Empty;
            parts.Add($"{Number(activity.Held)} held ({Reasons(activity.HeldByReason)}){until}");
        }

        if (activity.Waiting > 0)
        {
            parts.Add($"{Number(activity.Waiting)} waiting");
        }

        if (activity.Failed > 0)
        {
            parts.Add($"{Number(activity.Failed)} failed");
        }

        if (activity.Undeliverable > 0)
        {
            parts.Add($"{Number(activity.Undeliverable)} undeliverable");
        }

        return "Last 7 days: " + string.Join(" · ", parts);
    }

    /// <summary>The overflow menu of one workflow: Edit, Pause or Resume, Send test, Delete (confirmed in a modal).</summary>
    public static OverflowMenu Menu(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return new OverflowMenu(
        [
            new Option(new PlainText("Edit"), HomeMenuChoice.Write(WorkflowVerb.Edit, workflow.Id)),
            workflow.Enabled
                ? new Option(new PlainText("Pause"), HomeMenuChoice.Write(WorkflowVerb.Pause, workflow.Id))
                : new Option(new PlainText("Resume"), HomeMenuChoice.Write(WorkflowVerb.Resume, workflow.Id)),
            new Option(new PlainText("Send test"), HomeMenuChoice.Write(WorkflowVerb.Test, workflow.Id)),
            new Option(new PlainText("Delete…"), HomeMenuChoice.Write(WorkflowVerb.Delete, workflow.Id)),
        ])
        {
            ActionId = HomeActionIds.WorkflowMenu,
        };
    }

    /// <summary>What a member may do with a workflow from the Home tab: send themselves a test.</summary>
    public static Button TestButton(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return new Button(new PlainText("Send test"))
        {
            ActionId = WorkflowActionIds.Test,
            Value = IdValue.Write(workflow.Id),
            // One "Send test" per workflow: a screen reader hears which.
            AccessibilityLabel = UntrustedText.Truncate($"Send test: {workflow.Name}", 75),
        };
    }

    // "2 duplicate, 1 quiet hours": a lone reason without its count.
    private static string Reasons(IReadOnlyDictionary<string, int> byReason) => byReason.Count == 1
        ? ReasonLabel(byReason.Keys.First())
        : string.Join(", ", byReason.Select(r => $"{Number(r.Value)} {ReasonLabel(r.Key)}"));

    private static string ReasonLabel(string reason) => UntrustedText.MrkdwnClipped(UntrustedText.Label(reason).ToLowerInvariant(), 40);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Status(HomeTabModel model)
    {
        var lines = new List<string>();
        if (model.Installation is { } installation)
        {
            var when = installation.InstalledAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var fallback = installation.InstalledAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var by = installation.InstallerUserId is null ? "Installed" : $"Installed by <@{installation.InstallerUserId}>";
            lines.Add($"{by} on <!date^{when}^{{date_short}}|{fallback}>");
        }
        else
        {
            lines.Add("Installed (no install record found)");
        }

        lines.Add(model.Settings.SalesforceBaseUrl is { } url
            ? $"Salesforce: `{UntrustedText.Mrkdwn(url)}`"
            : "Salesforce: base URL not set (\"Open in Salesforce\" links are off)");
        lines.Add(model.Settings.FallbackChannelId is { } channel
            ? $"Fallback channel: <#{channel}>"
            : "Fallback channel: not set");
        lines.Add(model.Access.ManagersLine());
        return string.Join('\n', lines);
    }
}
