using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlackApp.Data;

namespace SlackApp.Operations;

/// <summary>Ready only when every background worker running here has come round recently (relative to its own interval).</summary>
internal sealed class WorkersHealthCheck(WorkerHeartbeats heartbeats) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var workers = heartbeats.Read();
        var stale = workers.Where(w => w.Stale).Select(w => w.Heartbeat.Worker).ToList();
        var data = workers.ToDictionary(w => w.Heartbeat.Worker, w => (object)(w.Stale ? "stale" : "ok"));
        return Task.FromResult(stale.Count == 0
            ? HealthCheckResult.Healthy($"{workers.Count} worker(s) running.", data)
            : HealthCheckResult.Unhealthy($"Not seen recently: {string.Join(", ", stale)}.", data: data));
    }
}
