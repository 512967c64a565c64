namespace SlackApp.Slack.OAuth;

/// <summary>Where installations live; the product implements it over its database.</summary>
public interface IInstallationStore
{
    /// <summary>Stores an installation; a re-install of the same workspace replaces it.</summary>
    Task SaveAsync(Installation installation, CancellationToken cancellationToken);

    /// <summary>The live installation for a workspace (or, for an org-wide install, the enterprise), or null.</summary>
    Task<Installation?> FindAsync(string? enterpriseId, string? teamId, bool isEnterpriseInstall, CancellationToken cancellationToken);

    /// <summary>Forgets the workspace's tokens (uninstall, tokens revoked).</summary>
    Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken);
}
