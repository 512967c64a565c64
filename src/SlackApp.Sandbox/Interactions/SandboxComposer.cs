using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// Text typed in a conversation's composer: a message posted as the member, or a slash command the app declares sent
/// to it as Slack sends one, its acknowledgement shown as Slack shows it.
/// </summary>
internal sealed class SandboxComposer(
    SandboxWorkspace workspace,
    SandboxAppClient app,
    SandboxReplies replies,
    SandboxPayloads payloads,
    SandboxSecrets secrets,
    IOptions<SandboxOptions> options)
{
    /// <summary>Composer text: a leading <c>/</c> sends the slash command; anything else is a message.</summary>
    public async Task<SandboxOutcome> ComposeAsync(SandboxComposerInput input, CancellationToken cancellationToken)
    {
        if (payloads.Visible(input.As, input.Channel) is not { } channel)
        {
            return SandboxOutcome.Failed("channel_not_found");
        }

        if (options.Value.MessagesTabReadOnly && channel.IsDirectMessage)
        {
            // Slack shows a read-only Messages tab without a composer: nothing typed there reaches the app.
            return SandboxOutcome.Failed("messages_tab_read_only");
        }

        var typed = input.Text.Trim();
        if (typed.Length == 0)
        {
            return SandboxOutcome.Failed("no_text");
        }

        if (!typed.StartsWith('/'))
        {
            if (channel.IsArchived)
            {
                return SandboxOutcome.Failed("is_archived");
            }

            workspace.Post(channel.Id, input.As, typed, blocks: null);
            return SandboxOutcome.Done;
        }

        var space = typed.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? typed : typed[..space];
        var text = space < 0 ? string.Empty : typed[(space + 1)..].Trim();
        if (!options.Value.Commands.Contains(command, StringComparer.OrdinalIgnoreCase))
        {
            return SandboxOutcome.Failed($"{command} is not a valid command. In Slack, all messages that start with the \"/\" character are interpreted as commands.");
        }

        var user = workspace.Member(input.As)!;
        var grant = workspace.IssueResponseUrl(user.Id, channel.Id, messageTs: null);
        var answer = await app.SendCommandAsync(
            [
                new("token", secrets.VerificationToken),
                new("team_id", workspace.TeamId),
                new("team_domain", SandboxIdentity.TeamDomain),
                new("channel_id", channel.Id),
                new("channel_name", channel.IsDirectMessage ? "directmessage" : channel.Name!),
                new("user_id", user.Id),
                new("user_name", user.Name),
                new("command", command.ToLowerInvariant()),
                new("text", text),
                new("api_app_id", SandboxIdentity.AppId),
                new("is_enterprise_install", "false"),
                new("response_url", payloads.ResponseUrl(grant)),
                new("trigger_id", workspace.IssueTrigger(user.Id, channel.Id)),
            ],
            cancellationToken);
        if (payloads.Refused("slash command", answer) is { } refused)
        {
            return refused;
        }

        if (answer.Json is { } reply && (reply.ContainsKey("text") || reply.ContainsKey("blocks")))
        {
            if (reply["response_type"]?.GetValue<string>() == "in_channel")
            {
                // An in-channel answer shows the command as typed above it, as Slack does.
                workspace.Post(channel.Id, user.Id, typed, blocks: null);
            }

            if (replies.Apply(grant, reply, "the slash command's acknowledgement") is { } error)
            {
                return SandboxOutcome.Failed(error);
            }
        }

        return SandboxOutcome.Done;
    }
}
