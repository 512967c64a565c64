using Microsoft.AspNetCore.DataProtection;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Installations;

public static class InstallationsServiceCollectionExtensions
{
    /// <summary>The bot scopes of manifest/manifest.json, asked for at install.</summary>
    public static readonly IReadOnlyList<string> BotScopes =
        ["commands", "chat:write", "chat:write.public", "channels:read", "groups:read", "users:read", "users:read.email", "im:write"];

    /// <summary>Installations, workspace settings, and the Data Protection key ring that encrypts their secrets.</summary>
    public static IServiceCollection AddInstallations(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keysPath = configuration["DataProtection:KeysPath"] ?? "data/keys";
        if (!Path.IsPathRooted(keysPath))
        {
            keysPath = Path.Combine(environment.ContentRootPath, keysPath);
        }

        // Keys on disk, so a restarted (or second) instance can read what an earlier one encrypted.
        services.AddDataProtection()
            .SetApplicationName("SlackApp")
            .PersistKeysToFileSystem(new DirectoryInfo(keysPath));

        services.AddSingleton<SecretProtector>();
        services.AddOptions<InstallationCacheOptions>()
            .BindConfiguration(InstallationCacheOptions.SectionName)
            .Validate(o => o.CacheDuration >= TimeSpan.Zero, "Installations:CacheDuration must be zero (no cache) or positive.")
            .ValidateOnStart();
        services.AddSingleton<InstallationCache>();
        services.AddSingleton<InstallationStore>();
        services.AddSingleton<IInstallationStore>(sp => sp.GetRequiredService<InstallationStore>());
        services.AddSingleton<WorkspaceSettingsRepository>();
        services.AddSingleton<PersonSettingsRepository>();
        services.AddOptions<SalesforceOptions>().BindConfiguration(SalesforceOptions.SectionName);
        services.AddSingleton<OrgWideTeams>();

        // The OAuth install flow, with used states in the database (shared by every instance).
        services.AddSingleton<IOAuthStateStore, OAuthStateRepository>();
        services.AddSlackWebApi();
        services.AddSlackOAuth();
        services.PostConfigure<SlackOAuthOptions>(oauth =>
        {
            if (oauth.Scopes.Count == 0)
            {
                foreach (var scope in BotScopes)
                {
                    oauth.Scopes.Add(scope);
                }
            }
        });
        services.AddHostedService<SingleWorkspaceBootstrap>();

        // Event retries are recognised across instances through the database, not one process's memory.
        services.AddSingleton<IEventDeduplicator, DatabaseEventDeduplicator>();
        return services;
    }
}
