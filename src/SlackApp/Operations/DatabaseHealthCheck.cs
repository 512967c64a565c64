using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlackApp.Data;

namespace SlackApp.Operations;

/// <summary>Ready only when the database answers <c>SELECT 1</c> within a couple of seconds.</summary>
internal sealed class DatabaseHealthCheck(DbConnectionFactory connections) : IHealthCheck
{
    internal const string Statement = "SELECT 1";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await using var connection = await connections.OpenAsync(deadline.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition(Statement, commandTimeout: (int)Timeout.TotalSeconds, cancellationToken: deadline.Token));
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception stays in the logs (the health check service logs it); the answer only says what failed.
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
