using System.Text;

namespace SlackApp.Slack.WebApi;

/// <summary>What <c>oauth.v2.access</c> returns for a code exchange or a token refresh. Its <c>ToString</c> never shows tokens.</summary>
public sealed record OAuthV2AccessResult
{
    /// <summary>The bot token (<c>xoxb-…</c>, or <c>xoxe.xoxb-…</c> with token rotation).</summary>
    public string? AccessToken { get; init; }
    public string? TokenType { get; init; }

    /// <summary>Comma-separated bot scopes granted.</summary>
    public string? Scope { get; init; }
    public string? BotUserId { get; init; }
    public string? AppId { get; init; }

    /// <summary>Absent for an org-wide (enterprise) install.</summary>
    public OAuthTeam? Team { get; init; }
    public OAuthEnterprise? Enterprise { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public OAuthAuthedUser? AuthedUser { get; init; }

    /// <summary>Set only when token rotation is on.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Seconds until <see cref="AccessToken"/> expires; set only when token rotation is on.</summary>
    public int? ExpiresIn { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TokenType = {TokenType}, Scope = {Scope}, BotUserId = {BotUserId}, AppId = {AppId}, ");
        builder.Append($"Team = {Team}, Enterprise = {Enterprise}, IsEnterpriseInstall = {IsEnterpriseInstall}, AuthedUser = {AuthedUser}, ");
        builder.Append($"AccessToken = {Redaction.Of(AccessToken)}, RefreshToken = {Redaction.Of(RefreshToken)}, ExpiresIn = {ExpiresIn}");
        return true;
    }
}

/// <summary>The workspace an OAuth install went into.</summary>
public sealed record OAuthTeam(string Id, string? Name);

/// <summary>The Enterprise Grid organisation of an install.</summary>
public sealed record OAuthEnterprise(string Id, string? Name);

/// <summary>The user who installed the app, with their user token when user scopes were requested. Its <c>ToString</c> never shows tokens.</summary>
public sealed record OAuthAuthedUser
{
    public string? Id { get; init; }
    public string? Scope { get; init; }
    public string? TokenType { get; init; }
    public string? AccessToken { get; init; }
    public string? RefreshToken { get; init; }
    public int? ExpiresIn { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Id = {Id}, Scope = {Scope}, TokenType = {TokenType}, ");
        builder.Append($"AccessToken = {Redaction.Of(AccessToken)}, RefreshToken = {Redaction.Of(RefreshToken)}, ExpiresIn = {ExpiresIn}");
        return true;
    }
}
