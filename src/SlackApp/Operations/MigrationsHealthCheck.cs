using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlackApp.Data;

namespace SlackApp.Operations;

/// <summary>
/// Ready only when every migration script of this build is applied. Once they are, they stay applied, so the journal is
/// read again only until then.
/// </summary>
internal sealed class MigrationsHealthCheck(DatabaseMigrator migrator) : IHealthCheck
{
    private volatile bool _applied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_applied)
        {
            try
            {
                // DbUp reads its journal synchronously: off the request thread.
                _applied = !await Task.Run(migrator.IsUpgradeRequired, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The migration journal could not be read.", e);
            }
        }

        return _applied
            ? HealthCheckResult.Healthy("Every migration is applied.")
            : HealthCheckResult.Unhealthy("Migrations are waiting to be applied.");
    }
}
