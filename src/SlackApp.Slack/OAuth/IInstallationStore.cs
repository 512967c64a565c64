namespace SlackApp.Slack.OAuth;

/// <summary>Where installations live; the product implements it over its database.</summary>
public interface IInstallationStore
{
    /// <summary>Stores an installation; a re-install of the same workspace replaces it.</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    /// <summary>
    /// The live installation for a workspace (or, for an org-wide install, the enterprise), or null. A workspace of a Grid
    /// org with no installation of its own is served by the org's org-wide installation, also when only its team id is given.
    /// The routing passes the ids of a verified request, so a store may learn from them which org a workspace belongs to.
    /// </summary>
    Task<Installation?> FindAsync(string? enterpriseId, string? teamId, bool isEnterpriseInstall, CancellationToken cancellationToken);

    /// <summary>Forgets the workspace's tokens (uninstall, tokens revoked).</summary>
    Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken);
}
