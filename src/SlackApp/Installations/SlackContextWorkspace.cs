using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>The verified workspace and user of a Slack request (the signature was checked by the ingress).</summary>
public static class SlackContextWorkspace
{
    public static Workspace Workspace(this SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Workspace(context.TeamId ?? throw new InvalidOperationException("The Slack request names no workspace."), context.EnterpriseId);
    }

    public static string RequiredUserId(this SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserId ?? throw new InvalidOperationException("The Slack request names no user.");
    }
}
