using SlackApp.Data;

namespace SlackApp.Signals;

/// <summary>The <c>Signals:Matching</c> settings of the matching worker; the defaults suit one or a few instances.</summary>
public sealed class SignalMatchingOptions
{
    public const string SectionName = "Signals:Matching";

    /// <summary>How often the worker looks for pending signals it was not woken for (left by a crash or a failure).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed signal is reserved for one instance; after it, another may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after a first failure; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Signals claimed per round trip, and handled together: people looked up once per batch, the batch's
    /// notifications written in one transaction.
    /// </summary>
    public int BatchSize { get; set; } = 200;

    internal LeasedQueueSchedule Schedule => new(BatchSize, LeaseDuration, PollInterval);
}
