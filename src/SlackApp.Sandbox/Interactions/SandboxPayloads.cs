using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// What every request the sandbox sends the app shares: the payload envelope, response URLs, action timestamps, which
/// conversations a member sees, and how the app's refusal is reported.
/// </summary>
internal sealed class SandboxPayloads(SandboxWorkspace workspace, SandboxAddress address, SandboxSecrets secrets)
{
    /// <summary>Null when the app answered 2xx; otherwise a banner, and the outcome the page shows.</summary>
    public SandboxOutcome? Refused(string what, SandboxAppAnswer answer)
    {
        if (answer.IsSuccess)
        {
            return null;
        }

        var reason = answer.Status == 0 ? answer.Body : $"HTTP {answer.Status}: {Shorten(answer.Body)}";
        workspace.Notice($"The app refused the {what}", [reason]);
        return SandboxOutcome.Failed(answer.Status == 0 ? "dispatch_failed" : $"http_{answer.Status}");
    }

    /// <summary>The fields of an interaction payload of <paramref name="type"/> sent for <paramref name="user"/>.</summary>
    public JsonObject Envelope(string type, SandboxMember user) => new()
    {
        ["type"] = type,
        ["team"] = new JsonObject { ["id"] = workspace.TeamId, ["domain"] = SandboxIdentity.TeamDomain },
        ["user"] = new JsonObject { ["id"] = user.Id, ["username"] = user.Name, ["name"] = user.Name, ["team_id"] = workspace.TeamId },
        ["api_app_id"] = SandboxIdentity.AppId,
        ["token"] = secrets.VerificationToken,
        ["enterprise"] = null,
        ["is_enterprise_install"] = false,
    };

    /// <summary>The conversation when <paramref name="userId"/> (a person) sees it; otherwise null.</summary>
    public SandboxChannel? Visible(string? userId, string? channelId)
    {
        var channel = workspace.Channel(channelId);
        if (channel is null || workspace.Member(userId) is not { IsBot: false } user)
        {
            return null;
        }

        var visible = channel.IsDirectMessage ? channel.DirectMessageUser == user.Id : !channel.IsPrivate || channel.Members.Contains(user.Id);
        return visible ? channel : null;
    }

    public string ResponseUrl(SandboxResponseUrl grant) => $"{address.Require()}/sandbox/response/{grant.Id}";

    public string ActionTs() => (workspace.Now.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
