using Microsoft.AspNetCore.DataProtection;
using SlackApp.Slack.OAuth;

namespace SlackApp.Installations;

public static class InstallationsServiceCollectionExtensions
{
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
        services.AddSingleton<InstallationStore>();
        services.AddSingleton<IInstallationStore>(sp => sp.GetRequiredService<InstallationStore>());
        services.AddSingleton<WorkspaceSettingsRepository>();
        return services;
    }
}
