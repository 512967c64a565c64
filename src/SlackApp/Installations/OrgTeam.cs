namespace SlackApp.Installations;

/// <summary>A workspace of an Enterprise Grid org served by the org's org-wide installation; its name when Slack said it.</summary>
public sealed record OrgTeam(string TeamId, string? Name);
