using System.Net.Http.Json;
using SlackApp.Installations;
using SlackApp.Sandbox.Interactions;
using SlackApp.Sandbox.Workspace;
using SlackApp.Workflows;

namespace SlackApp.Tests.LocalSandbox;

/// <summary>The workflow modal's number and time inputs in the local sandbox: shown, submitted in Slack's shape, saved.</summary>
public sealed class SandboxWorkflowDeliveryTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_daily_digest_typed_into_the_sandbox_modal_is_saved_with_its_time_cap_and_window(bool socketMode)
    {
        using var app = new LocalSandboxApp(socketMode);
        using var client = app.CreateClient();
        var workspace = app.Service<SandboxWorkspace>();
        (await client.PostAsJsonAsync("/sandbox/ui/compose", new SandboxComposerInput(SandboxSeed.You, SandboxSeed.General, "/usergems workflow create"), _ct)).EnsureSuccessStatusCode();
        var modal = await OpenedModalAsync(app, workspace);

        // Only what the person changed; the rest (the digest interval, the channel) is sent as the form showed it.
        var values = new SandboxChoices
        {
            [WorkflowModal.NameBlock] = new() { [WorkflowModal.NameBlock + WorkflowModal.ActionSuffix] = ["Morning digest"] },
            [WorkflowModal.SignalTypesBlock] = new() { [WorkflowModal.SignalTypesBlock + WorkflowModal.ActionSuffix] = ["new_hire"] },
            [WorkflowModal.DeliveryModeBlock] = new() { [WorkflowModal.DeliveryModeBlock + WorkflowModal.ActionSuffix] = [DeliveryModeNames.DailyDigest] },
            [WorkflowModal.DailyAtBlock] = new() { [WorkflowModal.DailyAtBlock + WorkflowModal.ActionSuffix] = ["08:30"] },
            [WorkflowModal.DuplicateWindowBlock] = new() { [WorkflowModal.DuplicateWindowBlock + WorkflowModal.ActionSuffix] = ["30"] },
            [WorkflowModal.DailyCapBlock] = new() { [WorkflowModal.DailyCapBlock + WorkflowModal.ActionSuffix] = ["20"] },
        };
        (await client.PostAsJsonAsync("/sandbox/ui/submit", new SandboxSubmitInput(SandboxSeed.You, modal.Id, values), _ct)).EnsureSuccessStatusCode();

        var stored = Assert.Single(await app.Service<WorkflowRepository>().ListAsync(new Workspace(workspace.TeamId), _ct));
        Assert.Equal(
            new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(8, 30), DuplicateWindow = TimeSpan.FromDays(30), DailyCap = 20 },
            stored.Delivery);
        Assert.Empty(workspace.Notices);
        Assert.Equal(socketMode, app.Service<SlackApp.Slack.SocketMode.ISocketModeStatus>().IsOpen);
    }

    // The app may open the modal just after it acknowledged the command, as it may with Slack: its work after the ack is awaited.
    private async Task<SandboxView> OpenedModalAsync(LocalSandboxApp app, SandboxWorkspace workspace)
    {
        await app.Service<SlackApp.Slack.Routing.ISlackBackgroundWork>().WhenIdleAsync(_ct);
        return Assert.Single(workspace.ModalStack(SandboxSeed.You));
    }
}
