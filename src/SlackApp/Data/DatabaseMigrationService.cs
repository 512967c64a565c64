using Microsoft.Extensions.Options;

namespace SlackApp.Data;

/// <summary>Runs the migrations before the server takes requests (hosted services start first).</summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator, IOptions<DatabaseOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            migrator.Migrate();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
