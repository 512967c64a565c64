using SlackApp.Data;
using Microsoft.Extensions.Options;

namespace SlackApp.Signals;

/// <summary>
/// Purges signals older than <see cref="SignalRetentionOptions.RetentionDays"/> every
/// <see cref="SignalRetentionOptions.PurgeInterval"/>, batch after batch until none is left (see <see cref="SignalPurge"/>
/// for which are kept). The first pass waits one interval, so start-up does no bulk deletes. Several instances may
/// purge at once: a signal deleted twice is simply gone.
/// </summary>
public sealed class SignalRetentionWorker(
    SignalPurge purge, TimeProvider clock, IOptions<SignalRetentionOptions> options, ILogger<SignalRetentionWorker> logger, WorkerHeartbeats? heartbeats = null)
    : BackgroundService
{
    private readonly SignalRetentionOptions _options = options.Value;

    /// <summary>One purge: deletes every purgeable signal received before now minus the retention; returns how many.</summary>
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - _options.Retention;
        var total = 0;
        int deleted;
        do
        {
            deleted = await purge.DeleteBatchAsync(cutoff, _options.PurgeBatchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == _options.PurgeBatchSize);

        if (total > 0)
        {
            logger.LogInformation("Purged {Count} signals received before {Cutoff:O}", total, cutoff);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeats?.Beat("Signal retention", _options.PurgeInterval);
            await Task.Delay(_options.PurgeInterval, clock, stoppingToken);
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next interval tries again; old signals only wait a little longer.
                logger.LogError(e, "Purging old signals failed");
            }
        }
    }
}
