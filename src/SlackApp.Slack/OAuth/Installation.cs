using System.Text;

namespace SlackApp.Slack.OAuth;

/// <summary>What an OAuth v2 install leaves behind: who installed the app where, and its bot token. Its <c>ToString</c> never shows tokens.</summary>
public sealed record Installation
{
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public string? AppId { get; init; }
    public required string BotUserId { get; init; }
    public string? BotId { get; init; }
    public required string BotToken { get; init; }
    public IReadOnlyList<string> BotScopes { get; init; } = [];
    /// <summary>Set only when token rotation is on.</summary>
    public string? BotRefreshToken { get; init; }
    /// <summary>Set only when token rotation is on.</summary>
    public DateTimeOffset? BotTokenExpiresAt { get; init; }
    public string? InstallerUserId { get; init; }
    public DateTimeOffset InstalledAt { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"EnterpriseId = {EnterpriseId}, EnterpriseName = {EnterpriseName}, TeamId = {TeamId}, TeamName = {TeamName}, ");
        builder.Append($"IsEnterpriseInstall = {IsEnterpriseInstall}, AppId = {AppId}, BotUserId = {BotUserId}, BotId = {BotId}, ");
        builder.Append($"BotToken = [redacted], BotScopes = [{string.Join(',', BotScopes)}], ");
        builder.Append($"BotRefreshToken = {(BotRefreshToken is null ? "null" : "[redacted]")}, BotTokenExpiresAt = {BotTokenExpiresAt}, ");
        builder.Append($"InstallerUserId = {InstallerUserId}, InstalledAt = {InstalledAt}");
        return true;
    }
}
